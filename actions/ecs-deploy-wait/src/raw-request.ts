/**
 * Sends a request document to AWS as written. The SDK serializes only the members its model knows, so a field newer
 * than our SDK (one that ecs-render-taskdef keeps on purpose) would be dropped on the way to RegisterTaskDefinition
 * without a word. ECS speaks JSON with the member names as they are, so the document itself is the wire body.
 */

interface BuildArgs {
  request: unknown;
}
type Next = (args: BuildArgs) => Promise<unknown>;
/** The part of the SDK's middleware stack used here (its types live in @smithy/types, not a dependency of ours). */
interface Stack {
  add(middleware: (next: Next) => Next, options: { step: 'build'; priority: 'high'; name: string }): void;
}

/** Like the SDK: null stands for "not set" and is left out. */
export function wireBody(document: unknown): string {
  return JSON.stringify(document, (_key, value: unknown) => (value === null ? undefined : value));
}

/**
 * Replaces the serialized body of one command with `document` (after the SDK's serializer, before signing, so the
 * signature covers it).
 */
export function sendAsWritten(command: { middlewareStack: unknown }, document: unknown): void {
  const body = wireBody(document);
  const middleware =
    (next: Next): Next =>
    async (args) => {
      const request = args.request as { body?: unknown; headers?: Record<string, string> };
      request.body = body;
      for (const name of Object.keys(request.headers ?? {})) {
        if (request.headers && name.toLowerCase() === 'content-length') {
          request.headers[name] = String(Buffer.byteLength(body));
        }
      }
      return next(args);
    };
  (command.middlewareStack as Stack).add(middleware, {
    step: 'build',
    priority: 'high',
    name: 'ecsActionsSendAsWritten',
  });
}
