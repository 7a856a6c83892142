/**
 * The `owner/repo` this repository publishes its actions and reusable workflows under: the `repository` of the
 * root package.json, which `pnpm retarget` rewrites together with every `uses:` that names it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const GITHUB_URL = /^(?:git\+)?https:\/\/github\.com\/([A-Za-z0-9-]+\/[A-Za-z0-9._-]+?)(?:\.git)?$/;

export function ourRepository(root: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    repository?: { url?: string } | string;
  };
  const url = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
  const name = GITHUB_URL.exec(url)?.[1];
  if (!name) {
    throw new Error(
      `package.json "repository" must be https://github.com/<owner>/<repo>.git, got ${JSON.stringify(url)}; run pnpm retarget <owner>/<repo>.`,
    );
  }
  return name;
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How the READMEs and docs name the repository in `uses:` examples, until `pnpm retarget` names it. */
export const DOCS_PLACEHOLDER = '<owner>/ecs-actions';

/** `uses:` of our own actions and reusable workflows, under the repository's own name (package.json `repository`). */
export function ourUses(root: string): { actions: RegExp; workflows: RegExp } {
  const name = escapeRegExp(ourRepository(root));
  return {
    actions: new RegExp(`^${name}/([a-z0-9-]+)@[^/]+$`),
    workflows: new RegExp(`^${name}/(\\.github/workflows/[A-Za-z0-9._-]+\\.ya?ml)@[^/]+$`),
  };
}
