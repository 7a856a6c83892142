/**
 * Mermaid diagrams for job summaries (GitHub draws a ```mermaid block), built so that no text from outside (service
 * events, task ids, versions, actors, app output) can change a diagram's structure, end its code block, or reach
 * the page as markup: every label keeps letters, digits and a few plain marks as they are and writes every other
 * character as a Mermaid entity code (`#35;` for `#`), which Mermaid draws as that character, never as syntax.
 * Diagrams are bounded: a label is cut to a length, a diagram to a number of rows.
 */

import { CONTROL_CHARACTERS } from './outputs.js';

/** Characters a label keeps as they are: none of them is syntax in any Mermaid diagram's label, nor in Markdown. */
const PLAIN = /^[A-Za-z0-9 .,_/+=-]$/;
/** The longest label drawn by default (characters before escaping). */
export const MERMAID_LABEL_MAX = 80;

/**
 * `value` as the text of a Mermaid label: control characters and line breaks become spaces, runs of spaces one,
 * the text is cut to `maxLength` characters (with `…`), and every character outside PLAIN is written as an entity
 * code. The first character is always an entity code, so a label never starts like a keyword of the diagram
 * (`section`, `title`, `click`, `%%`).
 */
export function mermaidText(value: string, maxLength = MERMAID_LABEL_MAX): string {
  const flat = value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  const cut = chars.length > maxLength ? [...chars.slice(0, Math.max(1, maxLength - 1)), '…'] : chars;
  if (cut.length === 0) cut.push('-');
  return cut.map((char, index) => (index > 0 && PLAIN.test(char) ? char : entity(char))).join('');
}

function entity(char: string): string {
  return `#${char.codePointAt(0)};`;
}

/** One bar (or, without `endMs` or with `milestone`, one point) of a gantt chart, in epoch milliseconds. */
export interface GanttTask {
  label: string;
  startMs: number;
  endMs?: number;
  /** done (grey), active (light), crit (red: where it went wrong); milestone draws a point at startMs. */
  tags?: readonly ('done' | 'active' | 'crit' | 'milestone')[];
}

export interface GanttSection {
  title: string;
  tasks: readonly GanttTask[];
}

export interface GanttChart {
  title: string;
  sections: readonly GanttSection[];
  /** The time axis's labels (d3 time format): default clock times `%H:%M:%S`; days apart, e.g. `%m-%d %H:%M`. */
  axisFormat?: string;
  /** At most this many tasks are drawn; the rest are counted in a last row. Default MERMAID_GANTT_MAX_TASKS. */
  maxTasks?: number;
}

/** The most rows a gantt chart draws: a long rollout is summarised by its caller, and cut here whatever it passes. */
export const MERMAID_GANTT_MAX_TASKS = 60;

/**
 * A ```mermaid gantt block of real times: dates are epoch milliseconds (`dateFormat x`), the axis shows UTC-less
 * clock times as the reader's browser does. Every title and label goes through mermaidText; ids are generated.
 */
export function mermaidGantt(chart: GanttChart): string {
  const maxTasks = Math.max(1, chart.maxTasks ?? MERMAID_GANTT_MAX_TASKS);
  const lines = ['```mermaid', 'gantt', `  title ${mermaidText(chart.title)}`, '  dateFormat x'];
  const axis = /^[%A-Za-z :./-]{1,40}$/.test(chart.axisFormat ?? '') ? chart.axisFormat : '%H:%M:%S';
  lines.push(`  axisFormat ${axis}`, '  todayMarker off');
  let drawn = 0;
  let left = 0;
  let lastMs = 0;
  for (const section of chart.sections) {
    // A time that is no number (a record's impossible date) would make the whole diagram a syntax error: such a
    // task is counted as not drawn; an end that is no number draws the task as a point.
    const tasks = section.tasks.flatMap((task) => (Number.isFinite(task.startMs) ? [pointIfNoEnd(task)] : []));
    left += section.tasks.length - tasks.length;
    if (tasks.length === 0) continue;
    const room = maxTasks - drawn;
    if (room <= 0) {
      left += tasks.length;
      continue;
    }
    lines.push(`  section ${mermaidText(section.title, 40)}`);
    for (const task of tasks.slice(0, room)) {
      drawn++;
      lines.push(`    ${ganttTaskLine(task, `t${drawn}`)}`);
      lastMs = Math.max(lastMs, task.endMs ?? task.startMs);
    }
    left += Math.max(0, tasks.length - room);
  }
  if (left > 0) {
    lines.push(
      `    ${ganttTaskLine({ label: `${left} more not drawn`, startMs: lastMs, tags: ['milestone'] }, 'more')}`,
    );
  }
  lines.push('```');
  return lines.join('\n');
}

function pointIfNoEnd(task: GanttTask): GanttTask {
  if (task.endMs === undefined || Number.isFinite(task.endMs)) return task;
  const { endMs: _, ...point } = task;
  return point;
}

function ganttTaskLine(task: GanttTask, id: string): string {
  const tags = [...(task.tags ?? [])];
  const start = Math.round(task.startMs);
  // A point in time: a milestone (Mermaid draws it at its start plus half its length, so length 0).
  const point = tags.includes('milestone') || task.endMs === undefined;
  if (point && !tags.includes('milestone')) tags.push('milestone');
  // A bar shorter than a second is drawn a second long, or it would not be seen at a rollout's scale.
  const end = point ? start : Math.max(Math.round(task.endMs ?? start), start + 1000);
  return `${mermaidText(task.label)} :${[...tags, id, String(start), point ? '0ms' : String(end)].join(', ')}`;
}
