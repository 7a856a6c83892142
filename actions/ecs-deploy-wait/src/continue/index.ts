/** What ecs-deploy-continue uses of ecs-deploy-wait (package export "./continue"): the logic, the report, the outputs. */

export { pauseOutputs } from '../pause/outputs.js';
export { ON_PAUSE_MODES } from '../pause/watch-pauses.js';
export { summaryMarkdown } from '../summary.js';
export type { DeployDeps, DeployResult } from '../types.js';
export { type ContinueInputs, continueDeployment } from './run.js';
