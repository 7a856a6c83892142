/**
 * deploy-tag: records a deploy in the `ecs-deploy-<version>` tag of the commit that was built (create mode), reads
 * the deploy history back for a redeploy or rollback (lookup mode), lists the task definitions it records (list), or
 * sets the state of the deploy's GitHub Deployment (deployment mode), or shows the newest deploys of each place
 * (history mode).
 */
import { createDeployTag } from './create.js';
import { failDeployment, startDeployment } from './deployment.js';
import type { DeployTagDeps } from './github.js';
import type { DeployTagInputs } from './inputs.js';
import { listRecorded } from './list.js';
import { lookupCurrent, lookupPrevious, lookupVersion } from './lookup.js';
import { recentDeploys } from './recent-deploys.js';
import type { DeployTagResult } from './result.js';

export type { DeployTagDeps } from './github.js';
export type { DeployRecordOutput, DeployTagResult } from './result.js';

export async function deployTag(inputs: DeployTagInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  if (inputs.mode === 'create') return createDeployTag(inputs, deps);
  if (inputs.mode === 'list') return listRecorded(inputs, deps);
  if (inputs.mode === 'history') return recentDeploys(inputs, deps);
  if (inputs.mode === 'deployment') {
    return inputs.state === 'in_progress' ? startDeployment(inputs, deps) : failDeployment(inputs, deps);
  }
  if (inputs.current) return lookupCurrent(inputs, deps);
  return inputs.version && inputs.tag
    ? lookupVersion(inputs, inputs.version, inputs.tag, deps)
    : lookupPrevious(inputs, deps);
}
