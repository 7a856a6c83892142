import { describe, expect, it } from '@jest/globals';
import { markdownCell, markdownTable, markdownText } from '../src/outputs.js';

describe('markdownText', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['# heading', '\\# heading'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['![img](http://x)', '\\!\\[img\\]\\(http://x\\)'],
    ['`code` **b** _i_ ~s~', '\\`code\\` \\*\\*b\\*\\* \\_i\\_ \\~s\\~'],
    ['a | b', 'a \\| b'],
    ['line\nnext\r\n::error::x', 'line next ::error::x'],
    ['&amp; \\', '&amp;amp; \\\\'],
    ['prod-eu 0.2601.3', 'prod-eu 0.2601.3'],
  ])('writes %j as text: %j', (value, expected) => {
    expect(markdownText(value)).toBe(expected);
  });

  it('keeps a table row one row whatever the text', () => {
    const table = markdownTable(['a', 'b'], [[markdownText('x | y\n| z |'), markdownText('`|`')]]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table.split('\n')[2]?.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(3);
  });
});

describe('markdownCell', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['one\ntwo', 'one<br>two'],
    ['one\r\ntwo', 'one<br>two'],
    ['one\rtwo', 'one<br>two'],
    ['back\\slash', 'back\\\\slash'],
  ])('keeps %j in one cell: %j', (value, expected) => {
    expect(markdownCell(value)).toBe(expected);
  });
});
