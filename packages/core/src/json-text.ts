import { quoteValue } from './errors.js';

/**
 * JSON text in and out, strictly: a syntax error or a key written twice in one object is reported with its position
 * (for an annotation on the file), never with the file's content.
 */

export interface JsonSyntaxProblem {
  /** `syntax`: not JSON at all; `duplicate-key`: JSON that JSON.parse would read, silently keeping the last value. */
  kind: 'syntax' | 'duplicate-key';
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/**
 * JSON.parse (which keeps the source's key order) after a strict scan: on failure where and why, in words.
 * The scan runs first because JSON.parse accepts a duplicate key and keeps only its last value.
 */
export function parseJsonText(text: string): JsonParse {
  // A byte-order mark is invisible in editors, so positions are counted without it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const found = locateJsonError(body);
  if (found)
    return { ok: false, problem: { ...position(body, found.offset), kind: found.kind, message: found.message } };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, problem: { line: 1, column: 1, kind: 'syntax', message: (error as Error).message } };
  }
}

/**
 * The one sentence for a problem in a JSON file an input names: `Input "task-definition": "td.json" line 9, column 5: …`.
 * It quotes no content of the file beyond a duplicate key's name.
 */
export function jsonProblemMessage(input: string, shownPath: string, problem: JsonSyntaxProblem): string {
  const where = `Input "${input}": ${quoteValue(shownPath)}`;
  const at = `at line ${problem.line}, column ${problem.column}`;
  return problem.kind === 'duplicate-key'
    ? `${where} has ${problem.message} ${at}; JSON readers would silently keep only the last value. Remove or rename one of them.`
    : `${where} is not valid JSON: ${problem.message} ${at}. Fix the file.`;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Stop extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly kind: JsonSyntaxProblem['kind'] = 'syntax',
  ) {
    super(reason);
  }
}

const describe = (ch: string | undefined) => (ch === undefined ? 'the end of the file' : JSON.stringify(ch));

/**
 * A strict RFC 8259 scanner that reports the first error (JSON.parse's messages do not always say where), and the
 * first key written twice in one object (RFC 8259 section 4: names SHOULD be unique; readers then disagree).
 */
export function locateJsonError(
  text: string,
): { message: string; offset: number; kind: JsonSyntaxProblem['kind'] } | undefined {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw new Stop(reason, at);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(text[i])}`);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail('a string is not closed');
      if (ch === '"') {
        i++;
        return;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
          i += 2;
        } else {
          fail(`bad escape ${describe(`\\${next ?? ''}`)} in a string`);
        }
      } else if ((ch?.charCodeAt(0) ?? 0) < 0x20) {
        fail('a line break or control character inside a string (write it as \\n)');
      } else {
        i++;
      }
    }
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(`bad number starting with ${describe(text[i])}`);
    i += match?.[0].length ?? 0;
  };
  const value = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') object();
    else if (ch === '[') array();
    else if (ch === '"') string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '}' || ch === ']') fail(`unexpected ${describe(ch)}: a value is missing (a trailing comma?)`);
    else fail(`unexpected ${describe(ch)} where a value should be`);
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    // Keys as JSON.parse reads them (escapes decoded), with where each was first written.
    const keys = new Map<string, number>();
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('a trailing comma before "}"');
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(text[i])}`);
      const keyStart = i;
      string();
      const key = JSON.parse(text.slice(keyStart, i)) as string;
      const first = keys.get(key);
      if (first !== undefined) {
        throw new Stop(
          `the key ${quoteValue(key)} twice in one object (first at line ${position(text, first).line})`,
          keyStart,
          'duplicate-key',
        );
      }
      keys.set(key, keyStart);
      skipSpace();
      if (text[i] !== ':') fail(`expected ":" after the property name, found ${describe(text[i])}`);
      i++;
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      if (i >= text.length) fail('the file ends inside an object (a missing "}"?)');
      fail(`expected "," or "}" after a property value, found ${describe(text[i])} (a missing comma?)`);
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail('a trailing comma before "]"');
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      if (i >= text.length) fail('the file ends inside an array (a missing "]"?)');
      fail(`expected "," or "]" after an array element, found ${describe(text[i])} (a missing comma?)`);
    }
  };
  try {
    skipSpace();
    if (i >= text.length) fail('the file is empty');
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof Stop) {
      return { message: error.reason, offset: Math.min(error.offset, text.length), kind: error.kind };
    }
    throw error;
  }
}

/** How the rendered file is written: 2-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
