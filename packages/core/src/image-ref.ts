/**
 * Docker image references, by the grammar of distribution/reference:
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component ( "/" path-component )*
 *   path-component := [a-z0-9]+ ( ( [_.] | "__" | "-"+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 * The digest is limited to what ECS and ECR use: `sha256:` and 64 lowercase hex digits.
 */

export interface EcrLocation {
  account: string;
  region: string;
  repository: string;
}

export interface ImageRef {
  /** The text as given. */
  text: string;
  /** `host[:port]`, undefined for Docker Hub short names such as `nginx`. */
  domain: string | undefined;
  /** The path after the domain, e.g. `ecs-be-prod` or `library/nginx`. */
  path: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Set when the domain is an ECR private registry (`<account>.dkr.ecr.<region>.amazonaws.com`). */
  ecr: EcrLocation | undefined;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.amazonaws\.com(?:\.cn)?$/;
const NAME_MAX = 255;

/** The reference, or the reason it is not one (a phrase that completes "the image reference …"). */
export type ParsedImage = { ok: true; ref: ImageRef } | { ok: false; reason: string };

function isDomain(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

function validDomain(domain: string): boolean {
  const ipv6 = /^\[[0-9A-Fa-f:.]+\](?::\d+)?$/;
  if (ipv6.test(domain)) return true;
  const [host = '', port, ...extra] = domain.split(':');
  if (extra.length > 0) return false;
  if (port !== undefined && !/^\d+$/.test(port)) return false;
  return host.split('.').every((part) => DOMAIN_COMPONENT.test(part));
}

export function parseImageRef(text: string): ParsedImage {
  if (text === '') return { ok: false, reason: 'is empty' };
  if (/\s/.test(text)) return { ok: false, reason: 'contains whitespace' };
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      return { ok: false, reason: `has the digest ${JSON.stringify(digest)}, not sha256: and 64 lowercase hex digits` };
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      return {
        ok: false,
        reason: `has the tag ${JSON.stringify(tag)}; a tag is 1 to 128 of [A-Za-z0-9_.-] and does not start with "." or "-"`,
      };
    }
  }
  if (rest.length > NAME_MAX) return { ok: false, reason: `has a name longer than ${NAME_MAX} characters` };
  const parts = rest.split('/');
  let domain: string | undefined;
  if (parts.length > 1 && isDomain(parts[0] ?? '')) {
    domain = parts.shift();
    if (domain === undefined || !validDomain(domain)) {
      return { ok: false, reason: `has the registry ${JSON.stringify(domain)}, which is not a host name[:port]` };
    }
  }
  const bad = parts.find((part) => !PATH_COMPONENT.test(part));
  if (bad !== undefined) {
    return {
      ok: false,
      reason:
        bad === ''
          ? 'has an empty repository path component'
          : `has the repository path component ${JSON.stringify(bad)}; components are lowercase letters and digits, separated by ".", "_", "__" or "-"`,
    };
  }
  const path = parts.join('/');
  const ecrMatch = domain === undefined ? null : ECR_HOST.exec(domain);
  const ecr =
    ecrMatch?.[1] && ecrMatch[2] ? { account: ecrMatch[1], region: ecrMatch[2], repository: path } : undefined;
  return { ok: true, ref: { text, domain, path, tag, digest, ecr } };
}

/** `domain/path` without tag or digest. */
export function repositoryOf(ref: ImageRef): string {
  return ref.domain === undefined ? ref.path : `${ref.domain}/${ref.path}`;
}

/** The reference pinned to a digest: `domain/path@sha256:…` (the tag goes, the digest says it all). */
export function pinnedRef(ref: ImageRef, digest: string): string {
  return `${repositoryOf(ref)}@${digest}`;
}
