/** JSON text in and out, with the position of a syntax error for an annotation on the file. */

export interface JsonSyntaxProblem {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  column: number;
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

/** JSON.parse (which keeps the source's key order), and on failure where and why, in words. */
export function parseJsonText(text: string): JsonParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    // A byte-order mark is invisible in editors, so positions are counted without it.
    const found = locateJsonError(body);
    if (found) return { ok: false, problem: { ...position(body, found.offset), message: found.message } };
    return { ok: false, problem: { line: 1, column: 1, message: (error as Error).message } };
  }
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
  ) {
    super(reason);
  }
}

const describe = (ch: string | undefined) => (ch === undefined ? 'the end of the file' : JSON.stringify(ch));

/** A strict RFC 8259 scanner that reports the first error (JSON.parse's messages do not always say where). */
export function locateJsonError(text: string): { message: string; offset: number } | undefined {
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
    for (;;) {
      skipSpace();
      if (text[i] === '}') fail('a trailing comma before "}"');
      if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(text[i])}`);
      string();
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
    if (error instanceof Stop) return { message: error.reason, offset: Math.min(error.offset, text.length) };
    throw error;
  }
}

/** How the rendered file is written: 2-space indent and a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
