/**
 * The state of the simulated GitHub: repositories with their refs, git objects, releases, deployments and artifacts,
 * the tokens' permissions, and the shapes routes are written against. No logic beyond keys and identities.
 */
import type { GitHubRequest, GitHubResponse, SimClock } from '../contract.js';
import type { Person, TreeEntry } from './git-objects.js';

/** A GITHUB_TOKEN permission scope's level (`permissions:` in a workflow). */
export type ScopeLevel = 'none' | 'read' | 'write';
/**
 * What a token may do: `write` or `read` on every scope (a personal or app token), or a GITHUB_TOKEN's scopes as the
 * job's `permissions:` give them (a scope not named is none; `metadata: read` every token has).
 */
export type TokenPermission = 'write' | 'read' | Readonly<Record<string, ScopeLevel>>;
/** The permission scopes the simulated routes need (https://docs.github.com/rest/authentication/permissions-required-for-github-apps). */
export type RouteScope = 'contents' | 'deployments' | 'actions' | 'metadata';

export interface SeedRepositoryInput {
  owner: string;
  repo: string;
  /** 40-hex commit shas that exist in the repository, oldest first (the order is the history of the default branch). */
  commits?: string[];
  /** Default `main`; `refs/heads/<defaultBranch>` points at the last commit. */
  defaultBranch?: string;
}

export interface SeedArtifactInput {
  owner: string;
  repo: string;
  runId: number;
  name: string;
  files: Record<string, string>;
  /** The run's head commit, shown as `workflow_run.head_sha`. */
  headSha?: string;
}

export interface TagRef {
  /** Tag name without `refs/tags/`. */
  name: string;
  /** The object the ref points at (a tag object sha for annotated tags). */
  sha: string;
  type: 'tag' | 'commit';
  /** The commit the tag resolves to. */
  commit: string;
  /** The annotated tag's message, when the ref points at a tag object. */
  message?: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  originalEnvironment: string;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  statuses: DeploymentStatusRecord[];
}

export interface DeploymentStatusRecord {
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  createdAt: string;
}

export interface TagObject {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: string };
  tagger: { name: string; email: string; date: string };
}

export interface ArtifactRecord {
  id: number;
  name: string;
  runId: number;
  headSha: string;
  zip: Buffer;
  createdAt: string;
}

export interface Repository {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  /** Commit shas in history order, oldest first. */
  commits: string[];
  commitSet: Set<string>;
  /** Full ref name (`refs/tags/x`) → target. */
  refs: Map<string, { sha: string; type: 'commit' | 'tag' }>;
  tagObjects: Map<string, TagObject>;
  deployments: DeploymentRecord[];
  artifacts: ArtifactRecord[];
  /** Git data made through the API: blob contents, trees (flat, full paths), commit objects. */
  blobs: Map<string, Buffer>;
  trees: Map<string, Map<string, TreeEntry>>;
  commitObjects: Map<string, CommitObject>;
  releases: ReleaseRecord[];
}

export interface CommitObject {
  tree: string;
  parents: string[];
  message: string;
  author: Person;
  committer: Person;
}

export interface ReleaseRecord {
  id: number;
  tagName: string;
  targetCommitish: string;
  name: string;
  body: string;
  draft: boolean;
  prerelease: boolean;
  makeLatest: string;
  createdAt: string;
}

export type Params = Record<string, string>;
export type Handler = (context: RouteContext) => GitHubResponse | Promise<GitHubResponse>;

export interface RouteContext {
  request: GitHubRequest;
  params: Params;
  route: string;
  repo: Repository;
  origin: string;
  /** The token has the `workflows` permission. */
  workflows: boolean;
  clock: SimClock;
  /** A new id for a release, deployment, deployment status or artifact (one sequence for all of them). */
  newId: () => number;
}

export interface Route {
  method: string;
  /** Segments; `{name}` matches one segment, `{name+}` the rest of the path. */
  pattern: string;
  /** The permission the route needs: its scope and level. */
  permission: { scope: RouteScope; level: 'read' | 'write' };
  /** The docs page the behaviour follows, used as documentation_url in errors. */
  docs: string;
  handler: Handler;
}

export const DOCS = 'https://docs.github.com/rest';
/** The identity GITHUB_TOKEN acts as; GitHub uses it as the default tagger and deployment creator. */
export const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};
export const SHA_RE = /^[0-9a-f]{40}$/;

export function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}
