/** Workflow run artifacts (https://docs.github.com/rest/actions/artifacts) and the zip download they redirect to. */
import { createHash } from 'node:crypto';
import type { GitHubResponse } from '../contract.js';
import type { ArtifactRecord, Repository, RouteContext } from './model.js';
import { error, isoSeconds, nodeId, ok, paginate } from './responses.js';

// List workflow run artifacts (https://docs.github.com/rest/actions/artifacts#list-workflow-run-artifacts):
// `{total_count, artifacts}`, optionally filtered by `name`.
export function listArtifacts({ request, params, repo, route, origin }: RouteContext): GitHubResponse {
  const name = request.query.get('name');
  const list = repo.artifacts.filter((a) => String(a.runId) === params.run_id && (name ? a.name === name : true));
  return ok(
    200,
    {
      total_count: list.length,
      artifacts: paginate(list, request.query).map((a) => artifactJson(repo, a, origin)),
    },
    route,
  );
}

export function getArtifact({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const artifact = repo.artifacts.find((a) => String(a.id) === params.artifact_id);
  if (!artifact)
    return error(404, 'Not Found', 'https://docs.github.com/rest/actions/artifacts#get-an-artifact', route);
  return ok(200, artifactJson(repo, artifact, origin), route);
}

// Download an artifact (https://docs.github.com/rest/actions/artifacts#download-an-artifact): 302 with a
// short-lived `Location` to the zip; `archive_format` must be `zip`.
export function downloadArtifact({ params, repo, route, origin }: RouteContext): GitHubResponse {
  const docs = 'https://docs.github.com/rest/actions/artifacts#download-an-artifact';
  const artifact = repo.artifacts.find((a) => String(a.id) === params.artifact_id);
  if (!artifact || params.archive_format !== 'zip') return error(404, 'Not Found', docs, route);
  return { status: 302, route, headers: { location: `${origin}/_sim/github/artifacts/${artifact.id}.zip` } };
}

/** The redirect target: the zip bytes, no token needed (GitHub's is a signed storage URL). */
export function artifactBlob(repos: Iterable<Repository>, id: string): GitHubResponse {
  const route = 'GET /_sim/github/artifacts/{artifact_id}.zip';
  for (const repo of repos) {
    const artifact = repo.artifacts.find((a) => String(a.id) === id);
    if (artifact) {
      return {
        status: 200,
        route,
        raw: artifact.zip,
        headers: { 'content-type': 'application/zip', 'content-length': String(artifact.zip.length) },
      };
    }
  }
  return error(404, 'Not Found', 'https://docs.github.com/rest/actions/artifacts#download-an-artifact', route);
}

export function artifactJson(repo: Repository, a: ArtifactRecord, origin: string) {
  const base = `${origin}/repos/${repo.owner}/${repo.name}`;
  const expires = isoSeconds(Date.parse(a.createdAt) + 90 * 86_400_000);
  return {
    id: a.id,
    node_id: nodeId('Artifact', a.id),
    name: a.name,
    size_in_bytes: a.zip.length,
    url: `${base}/actions/artifacts/${a.id}`,
    archive_download_url: `${base}/actions/artifacts/${a.id}/zip`,
    expired: false,
    digest: `sha256:${createHash('sha256').update(a.zip).digest('hex')}`,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: expires,
    workflow_run: {
      id: a.runId,
      repository_id: repo.id,
      head_repository_id: repo.id,
      head_branch: repo.defaultBranch,
      head_sha: a.headSha,
    },
  };
}
