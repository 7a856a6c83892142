/** What the push logic writes to the job log (core's `log` in the action, a recording one in tests). */
export interface Logger {
  info(message: string): void;
  /** An annotation that does not fail the step, e.g. a build cache that could not be read. */
  notice(message: string): void;
  warning(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  maskSecret(secret: string): void;
}
