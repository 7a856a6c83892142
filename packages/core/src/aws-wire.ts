/**
 * AWS JSON requests and answers as they go over the wire (ECS here). The SDK serializes and deserializes only the members its model
 * knows, so a field newer than our SDK (one that ecs-render-taskdef keeps on purpose) would be dropped on the way to
 * RegisterTaskDefinition without a word, and missing from a DescribeTaskDefinition answer. ECS speaks JSON with the
 * member names as they are, so the document itself is the wire body, and the answer's body is the whole answer.
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

/** The response body of one command as AWS sent it; `text` is set once the command has been sent. */
export interface RawResponse {
  text: string | undefined;
}

interface DeserializeArgs {
  response: { body?: unknown };
}
type DeserializeNext = (args: unknown) => Promise<DeserializeArgs>;
interface DeserializeStack {
  addRelativeTo(
    middleware: (next: DeserializeNext) => DeserializeNext,
    options: { relation: 'after'; toMiddleware: string; name: string; override: boolean },
  ): void;
}

/**
 * Keeps the response body of one command as AWS sent it: the SDK's deserializer, like its serializer, drops the
 * members its model does not know, and comparing with the running task definition must see them.
 */
export function keepRawResponse(command: { middlewareStack: unknown }): RawResponse {
  const raw: RawResponse = { text: undefined };
  const middleware =
    (next: DeserializeNext): DeserializeNext =>
    async (args) => {
      const result = await next(args);
      const bytes = await readBody(result.response.body);
      if (bytes) {
        raw.text = new TextDecoder().decode(bytes);
        // The SDK's deserializer accepts the bytes in place of the consumed stream.
        result.response.body = bytes;
      }
      return result;
    };
  (command.middlewareStack as DeserializeStack).addRelativeTo(middleware, {
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    name: 'ecsActionsKeepRawResponse',
    override: true,
  });
  return raw;
}

async function readBody(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
    return Buffer.concat(chunks);
  }
  return undefined;
}

/** The raw body's member `key` when it parses as a JSON object, else `fallback` (what the SDK made of it). */
export function rawMember(raw: RawResponse, key: string, fallback: unknown): unknown {
  if (raw.text === undefined) return fallback;
  try {
    const parsed = JSON.parse(raw.text) as unknown;
    return typeof parsed === 'object' && parsed !== null && key in parsed
      ? (parsed as Record<string, unknown>)[key]
      : fallback;
  } catch {
    return fallback;
  }
}
