/**
 * List mode (`version: recorded`): every task definition the deploy tags record, in any environment, cluster and
 * service: the revisions a rollback or redeploy may go back to, which a revision clean-up (ecs-deploy-wait's
 * keep-task-definitions) must keep.
 */
import type { DeployTagDeps } from './github.js';
import { readDeployHistory } from './history-index/sync.js';
import type { ListInputs } from './inputs.js';
import type { DeployTagResult } from './result.js';

export async function listRecorded(inputs: ListInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const { tags } = await readDeployHistory(inputs, deps);
  const records = tags
    .flatMap((tag) => tag.records ?? [])
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
  const taskDefinitionArns = [
    ...new Set(records.flatMap((record) => (record.taskDefinitionArn ? [record.taskDefinitionArn] : []))),
  ];
  deps.info?.(
    `${tags.length} deploy tags (${inputs.prefix}<version>) record ${taskDefinitionArns.length} task definitions.`,
  );
  return {
    mode: 'list',
    action: 'listed',
    tag: '',
    sha: '',
    version: 'recorded',
    created: false,
    taskDefinitionArns,
  };
}
