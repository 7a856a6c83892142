/** HeadVer: `{head}.{yearweek}.{build}[+suffix]`, yearweek from the ISO-8601 week-based year. */

const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface IsoWeek {
  /** The ISO week-based year, which differs from the calendar year around 1 January. */
  weekYear: number;
  week: number;
}

/** ISO-8601 week: weeks start on Monday and week 1 holds the year's first Thursday. */
export function isoWeek({ year, month, day }: CalendarDate): IsoWeek {
  const date = Date.UTC(year, month - 1, day);
  const mondayBased = (new Date(date).getUTCDay() + 6) % 7;
  const thursday = date + (3 - mondayBased) * DAY_MS;
  const weekYear = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return { weekYear, week };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 2-digit week-based year + 2-digit week, always 4 digits: 2024-12-30 → "2501". */
export function yearweek(date: CalendarDate): string {
  const { weekYear, week } = isoWeek(date);
  return `${pad2(((weekYear % 100) + 100) % 100)}${pad2(week)}`;
}

/**
 * The calendar date of an instant in an IANA time zone.
 * Read through `process.env.TZ` (which Node applies at run time, see the `TZ` notes of Node's process docs)
 * rather than `Intl.DateTimeFormat`: loading Intl's locale data costs about 10 ms, half an empty node start.
 */
export function dateInZone(instantMs: number, timeZone: string): CalendarDate {
  const date = new Date(instantMs);
  if (timeZone === 'UTC') return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  const saved = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** The same as dateInZone through Intl: the reference the fast path is tested against. */
export function dateInZoneIntl(instantMs: number, timeZone: string): CalendarDate {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  const parts = format.formatToParts(new Date(instantMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Whether the name is an IANA zone: the canonical list first (cheap), then Intl for aliases such as US/Pacific. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** What a `date` input means: a calendar date as written, or an instant to place in the time zone. */
export type DateSpec = { kind: 'date'; date: CalendarDate } | { kind: 'instant'; instantMs: number };

/**
 * Parses an ISO-8601 date (`2025-10-06`) or date-time (`2025-10-06T09:30`, `…Z`, `…+09:00`).
 * A date-time without an offset is a local time in the time zone, so only its date counts.
 * Returns undefined when the text is not such a date or names a day that does not exist.
 */
export function parseDateSpec(text: string): DateSpec | undefined {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, offset] = match;
  const date = { year: Number(y), month: Number(mo), day: Number(d) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (
    check.getUTCFullYear() !== date.year ||
    check.getUTCMonth() !== date.month - 1 ||
    check.getUTCDate() !== date.day
  ) {
    return undefined;
  }
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  if (offset === undefined) return { kind: 'date', date };
  const normalizedOffset = offset.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(offset);
  const instantMs = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${normalizedOffset}`);
  return Number.isNaN(instantMs) ? undefined : { kind: 'instant', instantMs };
}

function normalizeOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/** Build metadata as HeadVer allows it: characters outside `[0-9A-Za-z.-]` become `-`. */
export function sanitizeSuffix(suffix: string): string {
  return suffix.replace(/[^0-9A-Za-z.-]/g, '-');
}

export interface HeadVerParts {
  head: number;
  yearweek: string;
  build: number;
  suffix: string;
}

export function formatVersion({ head, yearweek, build, suffix }: HeadVerParts): string {
  return `${head}.${yearweek}.${build}${suffix ? `+${suffix}` : ''}`;
}

/** Docker and ECR tags allow only `[A-Za-z0-9_.-]`: the `+` of build metadata becomes `-`. */
export function imageTag(version: string): string {
  return version.replace(/\+/g, '-');
}
