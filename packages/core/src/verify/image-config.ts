/**
 * The platform of a single-platform image: its manifest names none, its config blob does. The blob is read as ECS's
 * pull reads it: ecr:GetDownloadUrlForLayer for the manifest's `config.digest`, then a GET of the URL ECR answers (a
 * pre-signed S3 URL). The blob must hash to its digest and be an image config with `os` and `architecture`; anything
 * else (a denied or failed read, another body) is one note, never a finding. The URL carries a credential: it never
 * reaches a note or a log. Loaded only for a single-platform image (a chunk of its own: type imports only).
 */
import { createHash } from 'node:crypto';
import type { ImageRef } from '../image-ref.js';
import type { VerifyReads } from './read.js';
import type { VerifyClients } from './types.js';

/** A config is a few KB; more than this is not one (and is not read further). */
const CONFIG_LIMIT_BYTES = 1024 * 1024;

/** The os/architecture of a single-platform image manifest's config, or undefined (with a note) when unread. */
export async function configPlatform(
  ref: ImageRef,
  manifest: string | undefined,
  clients: VerifyClients,
  reads: VerifyReads,
): Promise<{ os: string; architecture: string } | undefined> {
  const ecr = ref.ecr;
  const digest = configDigestOf(manifest);
  if (!ecr || !digest) return undefined;
  const unchecked = `the platform of image ${ref.text}`;
  const { GetDownloadUrlForLayerCommand } = await import('@aws-sdk/client-ecr');
  const client = await clients.ecr(ecr.region);
  const answer = await reads.attempt('ecr:GetDownloadUrlForLayer', unchecked, (options) =>
    client.send(
      new GetDownloadUrlForLayerCommand({
        registryId: ecr.account,
        repositoryName: ecr.repository,
        layerDigest: digest,
      }),
      options,
    ),
  );
  const url = answer && 'downloadUrl' in answer ? answer.downloadUrl : undefined;
  if (!url) return undefined;
  const platform = await reads.attempt('the download of its config blob', unchecked, ({ abortSignal }) =>
    downloadConfig(url, digest, abortSignal),
  );
  return platform && 'os' in platform ? platform : undefined;
}

/** The manifest's config digest, when it is a single-platform image manifest (Docker v2 or OCI). */
function configDigestOf(manifest: string | undefined): string | undefined {
  try {
    const parsed = JSON.parse(manifest ?? '') as { config?: { digest?: unknown }; manifests?: unknown };
    if (parsed.manifests !== undefined) return undefined;
    const digest = parsed.config?.digest;
    return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
  } catch {
    return undefined;
  }
}

async function downloadConfig(
  url: string,
  digest: string,
  signal: AbortSignal,
): Promise<{ os: string; architecture: string }> {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'https:' && protocol !== 'http:') throw failure('UnexpectedUrl', 'ECR answered no HTTP URL');
  // A failed fetch names no URL in its message; the answer's status is all that is kept. A pre-signed S3 URL answers
  // the blob itself: a redirect is not followed (it is an HTTP 3xx note), so no other host is ever asked.
  const response = await fetch(url, { signal, redirect: 'manual' });
  if (!response.ok) {
    await response.body?.cancel();
    throw failure(`HTTP${response.status}`, `the download answered HTTP ${response.status}`);
  }
  const body = await readBounded(response);
  if (`sha256:${createHash('sha256').update(body).digest('hex')}` !== digest) {
    throw failure('DigestMismatch', `the blob does not hash to ${digest}`);
  }
  let config: { os?: unknown; architecture?: unknown } | null;
  try {
    config = JSON.parse(body.toString('utf8')) as typeof config;
  } catch {
    throw failure('NotAConfig', 'the blob is not JSON');
  }
  if (typeof config?.os !== 'string' || typeof config.architecture !== 'string') {
    throw failure('NotAConfig', 'the blob names no os and architecture');
  }
  return { os: config.os, architecture: config.architecture };
}

/** The body, read only up to CONFIG_LIMIT_BYTES: a larger blob is not an image config. */
async function readBounded(response: Response): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > CONFIG_LIMIT_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw failure('TooLarge', `the blob is over ${CONFIG_LIMIT_BYTES} bytes, not an image config`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function failure(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
