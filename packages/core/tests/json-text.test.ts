import { describe, expect, it } from '@jest/globals';
import { formatJson, jsonProblemMessage, locateJsonError, parseJsonText } from '../src/json-text.js';

describe('parseJsonText', () => {
  it('parses and keeps the key order of the text', () => {
    const parsed = parseJsonText('{"z": 1, "a": {"y": 2, "b": 3}}');
    expect(parsed.ok && JSON.stringify(parsed.value)).toBe('{"z":1,"a":{"y":2,"b":3}}');
  });

  it.each([
    { text: '{\n  "a": 1,\n  "b": 2,\n}', line: 4, column: 1, message: 'a trailing comma before "}"' },
    { text: '[1, 2, ]', line: 1, column: 8, message: 'a trailing comma before "]"' },
    { text: '[1 2]', line: 1, column: 4, message: 'expected "," or "]" after an array element, found "2"' },
    { text: '{"a" 1}', line: 1, column: 6, message: 'expected ":" after the property name, found "1"' },
    { text: '{"a": tru}', line: 1, column: 7, message: 'unexpected "t"' },
    { text: '{"a": "x\ny"}', line: 1, column: 9, message: 'a line break or control character inside a string' },
    { text: '{"a": "\\q"}', line: 1, column: 8, message: 'bad escape "\\\\q" in a string' },
    { text: '{"a": 01}', line: 1, column: 8, message: 'expected "," or "}" after a property value, found "1"' },
    { text: '{"a": 1} x', line: 1, column: 10, message: 'unexpected "x" after the end of the JSON value' },
    { text: '   \n  ', line: 2, column: 3, message: 'the file is empty' },
    { text: '{"a": [1, 2', line: 1, column: 12, message: 'the file ends inside an array (a missing "]"?)' },
    { text: '{"a": "open', line: 1, column: 12, message: 'a string is not closed' },
    { text: '\r\n{\r\n  "a": }', line: 3, column: 8, message: 'unexpected "}": a value is missing' },
  ])('$message at $line:$column', ({ text, line, column, message }) => {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toMatchObject({ line, column });
    expect(parsed.problem.message).toContain(message);
  });

  it('finds no error in what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '"x"', '-0.5e+10', 'null', '{"a": [true, false, null, "\\u00e9\\n"]}']) {
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it.each([
    { text: '{\n  "family": "a",\n  "family": "b"\n}', key: 'family', line: 3, column: 3, first: 2 },
    { text: '{"c": [{"name": "web", "image": "x", "image": "y"}]}', key: 'image', line: 1, column: 38, first: 1 },
    // The same key however it is escaped: JSON.parse reads both as "image".
    { text: '{"image": 1,\n "\\u0069mage": 2}', key: 'image', line: 2, column: 2, first: 1 },
  ])(
    'refuses the duplicate key $key at $line:$column (JSON.parse would keep the last)',
    ({ text, key, line, column, first }) => {
      expect(() => JSON.parse(text)).not.toThrow();
      const parsed = parseJsonText(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.problem).toEqual({
        kind: 'duplicate-key',
        line,
        column,
        message: `the key "${key}" twice in one object (first at line ${first})`,
      });
    },
  );

  it('allows the same key in different objects', () => {
    expect(parseJsonText('[{"name": "a"}, {"name": "b", "x": {"name": "c"}}]').ok).toBe(true);
  });

  it('words a problem with the input, the file, the key and the line, and no content', () => {
    const parsed = parseJsonText('{\n  "family": "secret-a",\n  "family": "secret-b"\n}');
    if (parsed.ok) throw new Error('expected a problem');
    const message = jsonProblemMessage('task-definition', 'td.json', parsed.problem);
    expect(message).toBe(
      'Input "task-definition": "td.json" has the key "family" twice in one object (first at line 2) at line 3, column 3; JSON readers would silently keep only the last value. Remove or rename one of them.',
    );
    expect(message).not.toContain('secret');
  });

  it('formats with 2 spaces and a final newline', () => {
    expect(formatJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
