import { describe, expect, it } from '@jest/globals';
import { MERMAID_GANTT_MAX_TASKS, mermaidGantt, mermaidText } from '../src/mermaid.js';

/** What Mermaid draws for a label: its entity codes read back as the characters they stand for. */
const drawn = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
/** A label holds plain characters and entity codes only: nothing Mermaid or Markdown could read as syntax. */
const LABEL = /^#\d+;(?:[A-Za-z0-9 .,_/+=-]|#\d+;)*$/;

const HOSTILE = [
  'A --> B; click A callback "x"',
  'click t1 call alert(1)',
  '%%{init: {"theme": "dark", "securityLevel": "loose"}}%%',
  '%% a comment',
  'section Evil',
  'title Owned',
  '<script>alert(1)</script><img src=x onerror=alert(1)>',
  '```\n</details>\n# heading\n```mermaid',
  '`code` **bold** [link](javascript:alert(1)) | pipe',
  'task :crit, x1, 2020-01-01, 1d',
  'line one\nline two\r\n::error::forged\n##[error]forged',
  'entity #35; and &amp; and &#60;',
  'style A fill:#f00;',
  'classDef x fill:#f00;',
  'ünïcödé 한국어 😀',
  '   ',
  '',
];

describe('mermaidText', () => {
  it.each(HOSTILE)('draws %j as text, never as structure', (value) => {
    const label = mermaidText(value);
    expect(label).toMatch(LABEL);
    const flat = value.replace(/\s+/g, ' ').trim();
    expect(drawn(label)).toBe(flat || '-');
  });

  it('starts every label with an entity code, so no label starts like a keyword', () => {
    expect(mermaidText('section x')).toBe('#115;ection x');
    expect(mermaidText('click')).toBe('#99;lick');
  });

  it('cuts a long label to its length with an ellipsis, before escaping (no entity is cut)', () => {
    const label = mermaidText(`${'<'.repeat(500)}`, 10);
    expect(drawn(label)).toBe(`${'<'.repeat(9)}…`);
    expect(label).toMatch(LABEL);
    expect(drawn(mermaidText('x'.repeat(5000)))).toHaveLength(80);
  });
});

describe('mermaidGantt', () => {
  const start = Date.UTC(2026, 11, 7, 23, 0, 0);

  it('writes a fenced gantt of epoch-millisecond bars and points, every label escaped', () => {
    const text = mermaidGantt({
      title: 'Deploy `web` %%{init}%%',
      sections: [
        {
          title: 'Steps: <b>',
          tasks: [
            { label: 'Register', startMs: start, endMs: start + 2500, tags: ['done'] },
            { label: 'click t1 call alert(1)', startMs: start + 3000 },
            { label: 'quick', startMs: start + 4000, endMs: start + 4001, tags: ['crit'] },
          ],
        },
        { title: 'empty', tasks: [] },
      ],
    });
    expect(text.split('\n')).toEqual([
      '```mermaid',
      'gantt',
      '  title #68;eploy #96;web#96; #37;#37;#123;init#125;#37;#37;',
      '  dateFormat x',
      '  axisFormat %H:%M:%S',
      '  todayMarker off',
      '  section #83;teps#58; #60;b#62;',
      `    #82;egister :done, t1, ${start}, ${start + 2500}`,
      `    #99;lick t1 call alert#40;1#41; :milestone, t2, ${start + 3000}, 0ms`,
      // A bar shorter than a second is drawn a second long.
      `    #113;uick :crit, t3, ${start + 4000}, ${start + 5000}`,
      '```',
    ]);
  });

  it('draws at most maxTasks rows and counts the rest in one last row', () => {
    const tasks = Array.from({ length: 5000 }, (_, index) => ({ label: `event ${index}`, startMs: start + index }));
    const lines = mermaidGantt({
      title: 'long',
      sections: [
        { title: 'a', tasks },
        { title: 'b', tasks },
      ],
    }).split('\n');
    const rows = lines.filter((line) => line.startsWith('    '));
    expect(rows).toHaveLength(MERMAID_GANTT_MAX_TASKS + 1);
    expect(rows.at(-1)).toBe(`    #57;940 more not drawn :milestone, more, ${start + 59}, 0ms`);
    expect(lines.filter((line) => line.startsWith('  section'))).toEqual(['  section #97;']);
    const small = mermaidGantt({ title: 't', sections: [{ title: 'a', tasks }], maxTasks: 3 }).split('\n');
    expect(small.filter((line) => line.startsWith('    '))).toHaveLength(4);
  });
});
