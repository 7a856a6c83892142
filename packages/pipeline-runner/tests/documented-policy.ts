/** docs/setup.md's permission policies, as the tests that check recorded calls against them read them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;

/**
 * Every action of docs/setup.md's permission policies: the ```json blocks that allow ecs: actions (the starter
 * workflows' policy, and the statement an option such as keep-revisions adds).
 */
export function documentedActions(): string[] {
  const text = readFileSync(path.join(root, 'docs', 'setup.md'), 'utf8');
  const actions = [...text.matchAll(/```json\n([\s\S]*?)```/g)].flatMap(([, block]) => {
    const policy = JSON.parse(block ?? '{}') as { Statement?: { Action: string | string[] }[] };
    const allowed = (policy.Statement ?? []).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    return allowed.some((a) => a.startsWith('ecs:')) ? allowed : [];
  });
  if (actions.length === 0) throw new Error('docs/setup.md has no JSON permissions policy with ecs: actions');
  return actions;
}
