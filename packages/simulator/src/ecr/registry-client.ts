/**
 * A small client for the Docker Registry HTTP API v2 (the OCI Distribution Specification), enough for the
 * ECR simulator to learn what `docker push` put into a real local registry, and for tests to push an image
 * with plain HTTP uploads (no Docker daemon needed).
 *
 * Spec: https://distribution.github.io/distribution/spec/api/ (tags/list, manifests, blob uploads) and
 * https://github.com/opencontainers/distribution-spec/blob/main/spec.md.
 */
import { createHash } from 'node:crypto';

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

/** Every manifest media type the simulator understands, in the order it prefers them. */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifestList,
  MEDIA_TYPES.dockerManifest,
].join(', ');

export interface RegistryCredentials {
  /** Base URL, e.g. `http://127.0.0.1:5000` (no trailing `/v2`). */
  url: string;
  username: string;
  password: string;
}

export interface FetchedManifest {
  digest: string;
  mediaType: string;
  /** The manifest exactly as the registry stores it (its sha256 is the digest). */
  body: string;
}

/** A registry answered with an error (its `errors[0].code`, e.g. `MANIFEST_BLOB_UNKNOWN`). */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sha256Digest(content: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

export class RegistryClient {
  private readonly base: string;
  private readonly authorization: string;

  constructor(credentials: RegistryCredentials) {
    this.base = credentials.url.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  }

  /** `GET /v2/<name>/tags/list`, following `Link` pagination. An unknown repository has no tags. */
  async listTags(name: string): Promise<string[]> {
    const tags: string[] = [];
    let next: string | undefined = `/v2/${name}/tags/list?n=1000`;
    while (next !== undefined) {
      const response = await this.request('GET', next);
      if (response.status === 404) return tags;
      await this.ensureOk(response, `list the tags of ${name}`);
      const body = (await response.json()) as { tags?: string[] | null };
      tags.push(...(body.tags ?? []));
      next = nextLink(response.headers.get('link'));
    }
    return tags;
  }

  /** `HEAD /v2/<name>/manifests/<reference>`: the digest from `Docker-Content-Digest`, or undefined when unknown. */
  async resolveDigest(name: string, reference: string): Promise<string | undefined> {
    const response = await this.request('HEAD', `/v2/${name}/manifests/${reference}`, {
      accept: MANIFEST_ACCEPT,
    });
    if (response.status === 404) return undefined;
    await this.ensureOk(response, `resolve ${name}:${reference}`);
    return response.headers.get('docker-content-digest') ?? undefined;
  }

  /** `GET /v2/<name>/manifests/<reference>`, or undefined when the registry does not know it. */
  async getManifest(name: string, reference: string): Promise<FetchedManifest | undefined> {
    const response = await this.request('GET', `/v2/${name}/manifests/${reference}`, { accept: MANIFEST_ACCEPT });
    if (response.status === 404) return undefined;
    await this.ensureOk(response, `get the manifest ${name}:${reference}`);
    const body = await response.text();
    const digest = response.headers.get('docker-content-digest') ?? sha256Digest(body);
    const mediaType =
      response.headers.get('content-type')?.split(';')[0]?.trim() ?? mediaTypeOf(body) ?? MEDIA_TYPES.dockerManifest;
    return { digest, mediaType, body };
  }

  /** `PUT /v2/<name>/manifests/<reference>`; returns the digest the registry computed. */
  async putManifest(name: string, reference: string, body: string, mediaType: string): Promise<string> {
    const response = await this.request('PUT', `/v2/${name}/manifests/${reference}`, {
      'content-type': mediaType,
      body,
    });
    await this.ensureOk(response, `put the manifest ${name}:${reference}`);
    return response.headers.get('docker-content-digest') ?? sha256Digest(body);
  }

  /** Monolithic blob upload: `POST /v2/<name>/blobs/uploads/` then `PUT <location>?digest=`. Returns the digest. */
  async uploadBlob(name: string, content: Uint8Array): Promise<string> {
    const digest = sha256Digest(content);
    const head = await this.request('HEAD', `/v2/${name}/blobs/${digest}`);
    if (head.status === 200) return digest;
    const start = await this.request('POST', `/v2/${name}/blobs/uploads/`);
    await this.ensureOk(start, `start a blob upload to ${name}`);
    const location = start.headers.get('location');
    if (location === null) throw new RegistryError(start.status, 'UNKNOWN', 'The registry sent no upload location');
    const url = new URL(location, this.base);
    url.searchParams.set('digest', digest);
    const put = await this.request('PUT', url.toString(), {
      'content-type': 'application/octet-stream',
      body: content,
    });
    await this.ensureOk(put, `upload a blob to ${name}`);
    return digest;
  }

  /** `GET /v2/<name>/blobs/<digest>`, or undefined when the registry does not hold it. */
  async getBlob(name: string, digest: string): Promise<Uint8Array | undefined> {
    const response = await this.request('GET', `/v2/${name}/blobs/${digest}`);
    if (response.status === 404) return undefined;
    await this.ensureOk(response, `get the blob ${name}@${digest}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /** `HEAD /v2/<name>/blobs/<digest>`: whether the registry holds the blob (pushed, whether or not an image uses it). */
  async hasBlob(name: string, digest: string): Promise<boolean> {
    const response = await this.request('HEAD', `/v2/${name}/blobs/${digest}`);
    if (response.status === 404) return false;
    await this.ensureOk(response, `look for the blob ${name}@${digest}`);
    return true;
  }

  /** `DELETE /v2/<name>/manifests/<digest>` (the registry must have `storage.delete.enabled`). */
  async deleteManifest(name: string, digest: string): Promise<void> {
    const response = await this.request('DELETE', `/v2/${name}/manifests/${digest}`);
    await this.ensureOk(response, `delete the manifest ${name}@${digest}`);
  }

  private async request(
    method: string,
    pathOrUrl: string,
    options: { accept?: string; 'content-type'?: string; body?: string | Uint8Array } = {},
  ): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.base}${pathOrUrl}`;
    const headers: Record<string, string> = { authorization: this.authorization };
    if (options.accept !== undefined) headers.accept = options.accept;
    if (options['content-type'] !== undefined) headers['content-type'] = options['content-type'];
    try {
      return await fetch(url, { method, headers, body: options.body ?? null, redirect: 'follow' });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
      throw new RegistryError(0, 'UNREACHABLE', `The registry at ${this.base} cannot be reached: ${reason}`);
    }
  }

  private async ensureOk(response: Response, what: string): Promise<void> {
    if (response.ok) return;
    let code = 'UNKNOWN';
    let detail = response.statusText;
    if (response.status === 401) code = 'UNAUTHORIZED';
    try {
      const body = (await response.json()) as { errors?: { code?: string; message?: string }[] };
      const first = body.errors?.[0];
      if (first?.code !== undefined) code = first.code;
      if (first?.message !== undefined) detail = first.message;
    } catch {
      // HEAD responses and some errors carry no JSON body.
    }
    throw new RegistryError(
      response.status,
      code,
      `The registry refused to ${what}: HTTP ${response.status} ${code}: ${detail}`,
    );
  }
}

/** The `mediaType` field of a manifest, if it is JSON and has one. */
export function mediaTypeOf(manifest: string): string | undefined {
  try {
    const parsed = JSON.parse(manifest) as { mediaType?: unknown };
    return typeof parsed.mediaType === 'string' ? parsed.mediaType : undefined;
  } catch {
    return undefined;
  }
}

function nextLink(link: string | null): string | undefined {
  // RFC 5988: `</v2/name/tags/list?n=1000&last=x>; rel="next"`
  const match = link?.match(/<([^>]+)>\s*;\s*rel="?next"?/);
  return match?.[1];
}
