import { ConfigurationError, errorMessage } from './errors.js';
import { runner } from './runner.js';

/** The steps of one action. `post` runs as the action's `runs.post` from the same bundle. */
export interface ActionSteps {
  main: () => Promise<void>;
  post?: () => Promise<void>;
}

const POST_MARKER = 'ecs-actions-post';

/**
 * The entry of every action: runs main (or post, on the second invocation) and is the one error path.
 * A ConfigurationError fails the step with its message alone; anything else also shows its stack under debug.
 * The step is failed exactly once.
 */
export async function runAction(steps: ActionSteps): Promise<void> {
  const isPost = steps.post !== undefined && runner.getState(POST_MARKER) === 'true';
  try {
    if (isPost && steps.post) {
      await steps.post();
    } else {
      // Saved first so that the post step runs its clean-up even when main fails half way.
      if (steps.post) runner.saveState(POST_MARKER, 'true');
      await steps.main();
    }
  } catch (error) {
    reportFailure(error);
  }
}

/**
 * Aborted when the job is cancelled (the runner sends SIGINT, then SIGTERM); `onCancel` logs what the step does
 * about it. The step itself decides how to end (stop what it started, say what landed).
 */
export function jobCancelSignal(onCancel: (signal: NodeJS.Signals) => void): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    onCancel(signal);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return controller.signal;
}

export function reportFailure(error: unknown): void {
  if (!(error instanceof ConfigurationError) && error instanceof Error && error.stack) runner.debug(error.stack);
  runner.setFailed(errorMessage(error));
}

/** State handed from main to post, typed and JSON-encoded (`GITHUB_STATE` / `STATE_<name>`). */
export class StepState<T> {
  constructor(private readonly key: string) {}

  save(value: T): void {
    runner.saveState(this.key, JSON.stringify(value));
  }

  load(): T | undefined {
    const raw = runner.getState(this.key);
    if (!raw) return undefined;
    return JSON.parse(raw) as T;
  }
}
