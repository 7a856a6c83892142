// Not bundled into any action: helpers for tests that run a bundle as the GitHub runner does.
export { parseFileCommands, parseWorkflowCommands, type WorkflowCommand } from './file-commands.js';
export { assertNode24, type BundleRun, type RunBundleOptions, runBundle, runMainAndPost } from './run-bundle.js';
export {
  foreignCommands,
  HOSTILE_LINES,
  RUNNER_COMMANDS,
  type RunnerCommand,
  type RunnerReading,
  readAsRunner,
  runnerOutput,
} from './runner-commands.js';
export { type ShellBuildContext, writeShellBuildContext } from './shell-build-context.js';
