/** Image scans: StartImageScan, DescribeImageScanFindings, and the scan state an image shows (in progress, done, failed). */
import { AwsServiceError } from '../contract.js';
import { imageNotFound, scanNotFound } from './errors.js';
import { imageIdOf, paginate } from './inputs.js';
import {
  type EcrState,
  type FindingSeverity,
  type ScanFindingSeed,
  type ScanView,
  scanKey,
  toEpochSeconds,
} from './model.js';
import { lookupImage, repositoryFor } from './registry-sync.js';

const SCAN_QUOTA_MS = 24 * 60 * 60 * 1000;
export const SEVERITIES: FindingSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];

/** API_StartImageScan: basic scanning, once per image per 24 hours (LimitExceededException otherwise). */
export async function startImageScan(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
  const id = imageIdOf(input);
  const lookup = await lookupImage(state, repository, id);
  if (lookup.kind !== 'found') throw imageNotFound(id, repository.name, state.accountId);
  const key = scanKey(repository.name, lookup.image.digest);
  const previous = state.scanRuns.get(key);
  const now = state.clock.now();
  if (previous !== undefined && now - previous.startedAt < SCAN_QUOTA_MS) {
    throw new AwsServiceError(
      'LimitExceededException',
      'The scan quota per image has been exceeded. Wait and try again.',
    );
  }
  state.scanRuns.set(key, { startedAt: now, durationMs: state.scanDurationMs });
  return {
    registryId: state.accountId,
    repositoryName: repository.name,
    imageId: { imageDigest: lookup.image.digest, ...(id.imageTag === undefined ? {} : { imageTag: id.imageTag }) },
    imageScanStatus: { status: 'IN_PROGRESS' },
  };
}

/**
 * API_DescribeImageScanFindings: imageScanStatus (IN_PROGRESS, COMPLETE, FAILED) and, once complete, the findings
 * (paginated) with findingSeverityCounts. ScanNotFoundException when the image was never scanned.
 */
export async function describeImageScanFindings(state: EcrState, input: Record<string, unknown>): Promise<unknown> {
  const repository = await repositoryFor(state, input);
  const id = imageIdOf(input);
  const lookup = await lookupImage(state, repository, id);
  if (lookup.kind !== 'found') throw imageNotFound(id, repository.name, state.accountId);
  const scan = scanView(state, repository.name, lookup.image.digest);
  if (scan === undefined) throw scanNotFound(id, repository.name, state.accountId);
  const response: Record<string, unknown> = {
    registryId: state.accountId,
    repositoryName: repository.name,
    imageId: { imageDigest: lookup.image.digest, ...(id.imageTag === undefined ? {} : { imageTag: id.imageTag }) },
    imageScanStatus: scanStatus(scan),
  };
  if (scan.status === 'COMPLETE' && scan.completedAt !== undefined) {
    const { page, nextToken } = paginate(scan.findings, input);
    response.imageScanFindings = {
      imageScanCompletedAt: toEpochSeconds(scan.completedAt),
      vulnerabilitySourceUpdatedAt: toEpochSeconds(scan.completedAt),
      findingSeverityCounts: severityCounts(scan.findings),
      findings: page.map((finding) => ({
        name: finding.name,
        ...(finding.description === undefined ? {} : { description: finding.description }),
        ...(finding.uri === undefined ? {} : { uri: finding.uri }),
        severity: finding.severity,
        attributes: finding.attributes ?? [],
      })),
    };
    if (nextToken !== undefined) response.nextToken = nextToken;
  }
  return response;
}

export function scanView(state: EcrState, repositoryName: string, digest: string): ScanView | undefined {
  const key = scanKey(repositoryName, digest);
  const run = state.scanRuns.get(key);
  const outcome = state.scanOutcomes.get(key);
  if (run === undefined && outcome === undefined) return undefined;
  if (run !== undefined && state.clock.now() < run.startedAt + run.durationMs) {
    return { status: 'IN_PROGRESS', findings: [] };
  }
  const completedAt = run === undefined ? (outcome?.setAt ?? 0) : run.startedAt + run.durationMs;
  const view: ScanView = { status: outcome?.status ?? 'COMPLETE', completedAt, findings: outcome?.findings ?? [] };
  if (outcome?.description !== undefined) view.description = outcome.description;
  return view;
}

export function scanStatus(scan: ScanView): Record<string, string> {
  if (scan.status === 'IN_PROGRESS') return { status: 'IN_PROGRESS' };
  if (scan.status === 'FAILED') return { status: 'FAILED', description: scan.description ?? 'The scan failed.' };
  return { status: 'COMPLETE', description: 'The scan was completed successfully.' };
}

/** API_ImageScanFindings.findingSeverityCounts: only the severities that occur. */
export function severityCounts(findings: ScanFindingSeed[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  return counts;
}
