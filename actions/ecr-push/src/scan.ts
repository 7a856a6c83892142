/** Waiting for ECR's image scan (basic or enhanced) and judging its findings against a threshold. */
import type { ECRClient } from '@aws-sdk/client-ecr';
import { type Clock, formatDuration, poll, type Sleep } from '@ecs-actions/core';
import { describeScanFindings, type ScanFindingsPage, startImageScan } from './ecr.js';
import type { Severity } from './inputs.js';

export const SEVERITY_ORDER = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const;

const RANK: Record<string, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

export function severityRank(severity: string | undefined): number {
  return RANK[(severity ?? '').toUpperCase()] ?? 0;
}

export interface ScanFinding {
  /** CVE or finding id. */
  name: string;
  severity: string;
  description?: string;
  uri?: string;
  /** Enhanced scanning: the affected package, `name@version`. */
  package?: string;
}

export interface ScanReport {
  status: string;
  /** Count per severity as ECR reports it (`findingSeverityCounts`). */
  counts: Record<string, number>;
  /** The findings, most severe first. */
  findings: ScanFinding[];
}

export type ScanOutcome =
  | { kind: 'complete'; report: ScanReport }
  | { kind: 'failed'; status: string; description: string }
  | { kind: 'timed-out'; status: string; elapsedMs: number };

const DONE = new Set(['COMPLETE', 'ACTIVE']);
const FAILED = new Set([
  'FAILED',
  'UNSUPPORTED_IMAGE',
  'FINDINGS_UNAVAILABLE',
  'SCAN_ELIGIBILITY_EXPIRED',
  'LIMIT_EXCEEDED',
  'IMAGE_ARCHIVED',
]);

export interface WaitForScanOptions {
  ecr: ECRClient;
  repositoryName: string;
  registryId: string | undefined;
  imageDigest: string;
  /** Whether the repository scans on push; if not, the action starts the scan. */
  scanOnPush: boolean;
  timeoutMs: number;
  intervalMs?: number;
  clock: Clock;
  sleep: Sleep;
  onStatus?: (status: string) => void;
}

export async function waitForScan(options: WaitForScanOptions): Promise<ScanOutcome> {
  const { ecr, repositoryName, registryId, imageDigest } = options;
  let started = options.scanOnPush;
  let lastStatus = 'NOT_STARTED';
  const result = await poll<ScanOutcome>({
    intervalMs: options.intervalMs ?? 5000,
    timeoutMs: options.timeoutMs,
    clock: options.clock,
    sleep: options.sleep,
    check: async () => {
      const first = await describeScanFindings(ecr, repositoryName, registryId, imageDigest);
      if (first === undefined) {
        if (!started) {
          started = true;
          try {
            await startImageScan(ecr, repositoryName, registryId, imageDigest);
          } catch (error) {
            // One basic scan per image a day: a scan that exists already is what we wait for.
            if (!(error instanceof Error && error.name === 'LimitExceededException')) throw error;
          }
        }
        report('NOT_STARTED');
        return undefined;
      }
      const status = first.imageScanStatus?.status ?? 'UNKNOWN';
      report(status);
      if (FAILED.has(status)) {
        return { kind: 'failed', status, description: first.imageScanStatus?.description ?? '' };
      }
      if (!DONE.has(status)) return undefined;
      return { kind: 'complete', report: await collectReport(options, first, status) };
    },
  });
  if (result.status === 'done') return result.value;
  return { kind: 'timed-out', status: lastStatus, elapsedMs: result.elapsedMs };

  function report(status: string): void {
    if (status !== lastStatus) options.onStatus?.(status);
    lastStatus = status;
  }
}

const MAX_PAGES = 20;

async function collectReport(
  options: WaitForScanOptions,
  first: ScanFindingsPage,
  status: string,
): Promise<ScanReport> {
  const findings: ScanFinding[] = [];
  let page: ScanFindingsPage | undefined = first;
  for (let pages = 0; page !== undefined && pages < MAX_PAGES; pages++) {
    findings.push(...findingsOf(page));
    const token: string | undefined = page.nextToken;
    page = token
      ? await describeScanFindings(options.ecr, options.repositoryName, options.registryId, options.imageDigest, token)
      : undefined;
  }
  const counts: Record<string, number> = {};
  for (const [severity, count] of Object.entries(first.imageScanFindings?.findingSeverityCounts ?? {})) {
    if (typeof count === 'number') counts[severity] = count;
  }
  if (Object.keys(counts).length === 0) {
    for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  }
  return { status, counts, findings: sortFindings(findings) };
}

function findingsOf(page: ScanFindingsPage): ScanFinding[] {
  const basic = (page.imageScanFindings?.findings ?? []).map(
    (finding): ScanFinding => ({
      name: finding.name ?? '(unnamed)',
      severity: finding.severity ?? 'UNDEFINED',
      ...(finding.description ? { description: finding.description } : {}),
      ...(finding.uri ? { uri: finding.uri } : {}),
    }),
  );
  const enhanced = (page.imageScanFindings?.enhancedFindings ?? []).map((finding): ScanFinding => {
    const vulnerable = finding.packageVulnerabilityDetails?.vulnerablePackages?.[0];
    const uri = finding.packageVulnerabilityDetails?.sourceUrl;
    return {
      name: finding.packageVulnerabilityDetails?.vulnerabilityId ?? finding.title ?? '(unnamed)',
      severity: finding.severity ?? 'UNDEFINED',
      ...(finding.description ? { description: finding.description } : {}),
      ...(uri ? { uri } : {}),
      ...(vulnerable?.name
        ? { package: `${vulnerable.name}${vulnerable.version ? `@${vulnerable.version}` : ''}` }
        : {}),
    };
  });
  return [...basic, ...enhanced];
}

export function sortFindings(findings: readonly ScanFinding[]): ScanFinding[] {
  return [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.name.localeCompare(b.name),
  );
}

/** How many findings are at or above the threshold, by ECR's counts. */
export function countAtOrAbove(report: ScanReport, threshold: Severity): number {
  const limit = severityRank(threshold);
  return Object.entries(report.counts)
    .filter(([severity]) => severityRank(severity) >= limit && severityRank(severity) > 0)
    .reduce((total, [, count]) => total + count, 0);
}

/** The failure message for findings at or above the threshold, or undefined when the image passes. */
export function scanVerdict(report: ScanReport, threshold: Severity | undefined, imageRef: string): string | undefined {
  if (threshold === undefined) return undefined;
  const blocking = countAtOrAbove(report, threshold);
  if (blocking === 0) return undefined;
  const top = report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(threshold));
  const shown = top.slice(0, 10).map((finding) => `- ${formatFinding(finding)}`);
  const more = blocking > shown.length ? [`- … and ${blocking - shown.length} more`] : [];
  return [
    `The image scan of ${imageRef} found ${blocking} finding${blocking === 1 ? '' : 's'} at or above ${threshold} (${formatCounts(report.counts)}), and fail-on-severity is ${threshold}:`,
    ...shown,
    ...more,
    'Fix or upgrade the affected packages (often: a newer base image), or raise fail-on-severity.',
  ].join('\n');
}

export function formatFinding(finding: ScanFinding): string {
  const parts = [`${finding.severity} ${finding.name}`];
  if (finding.package) parts.push(`in ${finding.package}`);
  if (finding.uri) parts.push(`(${finding.uri})`);
  return parts.join(' ');
}

export function formatCounts(counts: Record<string, number>): string {
  const entries = SEVERITY_ORDER.filter((severity) => (counts[severity] ?? 0) > 0).map(
    (severity) => `${severity} ${counts[severity]}`,
  );
  const other = Object.entries(counts)
    .filter(([severity, count]) => !(SEVERITY_ORDER as readonly string[]).includes(severity) && count > 0)
    .map(([severity, count]) => `${severity} ${count}`);
  const all = [...entries, ...other];
  return all.length > 0 ? all.join(', ') : 'no findings';
}

export function scanProblemMessage(
  outcome: Exclude<ScanOutcome, { kind: 'complete' }>,
  imageRef: string,
  timeoutMs: number,
): string {
  if (outcome.kind === 'timed-out') {
    return `The image scan of ${imageRef} did not complete within scan-timeout ${formatDuration(timeoutMs)} (last status ${outcome.status}). The image is pushed; raise scan-timeout, or set scan: none and check the scan later.`;
  }
  return `The image scan of ${imageRef} ended with status ${outcome.status}${outcome.description ? `: ${outcome.description}` : ''}. The image is pushed but was not scanned; set scan: none to push without waiting for a scan.`;
}
