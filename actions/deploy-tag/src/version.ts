/** HeadVer versions as deploy tags carry them: `{head}.{yearweek}.{build}[+suffix]`, ordered numerically. */

export interface DeployVersion {
  /** The version as written, e.g. `1.2601.2+qa`. */
  text: string;
  head: number;
  /** YYWW as a number: 2552 < 2601. */
  yearweek: number;
  build: number;
  suffix: string;
}

// head and build: non-negative integers without leading zeros; yearweek: 2-digit ISO week-year + week 01..53;
// suffix: build metadata as HeadVer writes it ([0-9A-Za-z.-]).
const HEADVER = /^(0|[1-9]\d*)\.(\d{2}(?:0[1-9]|[1-4]\d|5[0-3]))\.(0|[1-9]\d*)(?:\+([0-9A-Za-z.-]+))?$/;

export function parseVersion(text: string): DeployVersion | undefined {
  const match = HEADVER.exec(text);
  if (!match) return undefined;
  const [, head = '', yearweek = '', build = '', suffix = ''] = match;
  const parsed = { text, head: Number(head), yearweek: Number(yearweek), build: Number(build), suffix };
  if (!Number.isSafeInteger(parsed.head) || !Number.isSafeInteger(parsed.build)) return undefined;
  return parsed;
}

/**
 * HeadVer order: head, then yearweek, then build, all numeric (so 0.2552.9 < 0.2601.1 < 1.2601.2 and
 * 0.2601.10 > 0.2601.9, unlike string order). The suffix is build metadata: it does not order versions.
 */
export function compareVersions(a: DeployVersion, b: DeployVersion): number {
  return a.head - b.head || a.yearweek - b.yearweek || a.build - b.build;
}
