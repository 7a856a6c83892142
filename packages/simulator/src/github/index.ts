/**
 * The GitHub REST side of the simulator: git tags and refs, commits, the git data API (blobs, trees, commits),
 * releases, deployments and deployment statuses, workflow run artifacts. JSON shapes, status codes and error bodies follow the GitHub REST API docs
 * (https://docs.github.com/rest); each route cites its page. State lives in memory, seeded by the methods below.
 */
import { createHash } from 'node:crypto';
import type { GitHubApiSide, GitHubRequest, GitHubResponse, SimClock } from '../contract.js';
import { blobSha, commitSha, type Person, type TreeEntry, treeShas } from './git-objects.js';
import { refNameProblem } from './refname.js';
import { createZip } from './zip.js';

export type TokenPermission = 'write' | 'read';

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

interface TagObject {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: string };
  tagger: { name: string; email: string; date: string };
}

interface ArtifactRecord {
  id: number;
  name: string;
  runId: number;
  headSha: string;
  zip: Buffer;
  createdAt: string;
}

interface Repository {
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

interface CommitObject {
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

type Params = Record<string, string>;
type Handler = (context: RouteContext) => GitHubResponse | Promise<GitHubResponse>;

interface RouteContext {
  request: GitHubRequest;
  params: Params;
  route: string;
  repo: Repository;
  origin: string;
  /** The token has the `workflows` permission. */
  workflows: boolean;
}

interface Route {
  method: string;
  /** Segments; `{name}` matches one segment, `{name+}` the rest of the path. */
  pattern: string;
  /** Write routes need a token with write permission. */
  write: boolean;
  /** The docs page the behaviour follows, used as documentation_url in errors. */
  docs: string;
  handler: Handler;
}

const DOCS = 'https://docs.github.com/rest';
/** The identity GITHUB_TOKEN acts as; GitHub uses it as the default tagger and deployment creator. */
const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};
const SHA_RE = /^[0-9a-f]{40}$/;
const DEPLOYMENT_STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];

/** GitHub's error body: `{"message", "documentation_url", "status"}` (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api). */
function error(status: number, message: string, docs: string, route: string, extra?: object): GitHubResponse {
  return {
    status,
    route,
    body: { message, documentation_url: docs, status: String(status), ...extra },
    headers: { 'content-type': 'application/json; charset=utf-8' },
  };
}

function ok(status: number, body: unknown, route: string, headers?: Record<string, string>): GitHubResponse {
  return { status, body, route, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(kind: string, key: string | number): string {
  return Buffer.from(`${kind}:${key}`).toString('base64').replace(/=+$/, '');
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export class GitHubSimulator implements GitHubApiSide {
  readonly clock: SimClock;
  private readonly repos = new Map<string, Repository>();
  private readonly tokens = new Map<string, TokenPermission>();
  /** Tokens with the `workflows` permission (a GitHub App or fine-grained token; GITHUB_TOKEN never has it). */
  private readonly workflowTokens = new Set<string>();
  private nextId = 1;
  private readonly routes: Route[];

  constructor(options: { clock: SimClock }) {
    this.clock = options.clock;
    this.routes = this.buildRoutes();
  }

  // ---------------------------------------------------------------- seeding and assertions

  seedRepository(input: SeedRepositoryInput): void {
    const key = repoKey(input.owner, input.repo);
    const existing = this.repos.get(key);
    const repo: Repository = existing ?? {
      id: 100_000 + this.repos.size + 1,
      owner: input.owner,
      name: input.repo,
      defaultBranch: input.defaultBranch ?? 'main',
      commits: [],
      commitSet: new Set(),
      refs: new Map(),
      tagObjects: new Map(),
      deployments: [],
      artifacts: [],
      blobs: new Map(),
      trees: new Map(),
      commitObjects: new Map(),
      releases: [],
    };
    for (const sha of input.commits ?? []) {
      const lower = sha.toLowerCase();
      if (!SHA_RE.test(lower)) throw new Error(`seedRepository: commit ${JSON.stringify(sha)} is not 40 hex digits`);
      if (!repo.commitSet.has(lower)) {
        repo.commits.push(lower);
        repo.commitSet.add(lower);
        // A seeded commit's content is not simulated: its tree is empty.
        repo.trees.set(seededTree(lower), new Map());
      }
    }
    const head = repo.commits.at(-1);
    if (head) repo.refs.set(`refs/heads/${repo.defaultBranch}`, { sha: head, type: 'commit' });
    this.repos.set(key, repo);
  }

  /** `workflows`: the token may also point refs at commits that change `.github/workflows/` (see refChangesWorkflows). */
  addToken(token: string, permission: TokenPermission, options: { workflows?: boolean } = {}): void {
    this.tokens.set(token, permission);
    if (options.workflows) this.workflowTokens.add(token);
    else this.workflowTokens.delete(token);
  }

  /** Stores an artifact of a workflow run as a zip of `files`; returns its id. */
  seedArtifact(input: SeedArtifactInput): number {
    const repo = this.requireRepo(input.owner, input.repo);
    const id = this.id();
    const now = this.clock.now();
    repo.artifacts.push({
      id,
      name: input.name,
      runId: input.runId,
      headSha: input.headSha ?? repo.commits.at(-1) ?? '0'.repeat(40),
      zip: createZip(input.files, new Date(now)),
      createdAt: isoSeconds(now),
    });
    return id;
  }

  /** Current tag refs of a repository, sorted by name, each resolved to its commit. */
  tags(owner: string, repo: string): TagRef[] {
    const r = this.requireRepo(owner, repo);
    return [...r.refs.entries()]
      .filter(([ref]) => ref.startsWith('refs/tags/'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([ref, target]) => {
        const tag = target.type === 'tag' ? r.tagObjects.get(target.sha) : undefined;
        return {
          name: ref.slice('refs/tags/'.length),
          sha: target.sha,
          type: target.type,
          commit: this.peel(r, target.sha),
          ...(tag ? { message: tag.message } : {}),
        };
      });
  }

  /** Deployments of a repository, oldest first, with their statuses (oldest first). */
  deployments(owner: string, repo: string): DeploymentRecord[] {
    return [...this.requireRepo(owner, repo).deployments];
  }

  /** Releases of a repository, oldest first. */
  releases(owner: string, repo: string): ReleaseRecord[] {
    return [...this.requireRepo(owner, repo).releases];
  }

  /** A commit's parents, message and the text of each file of its tree (files made through the git data API). */
  commitContent(
    owner: string,
    repo: string,
    sha: string,
  ): { parents: string[]; message: string; files: Record<string, string> } {
    const r = this.requireRepo(owner, repo);
    const commit = this.commitObject(r, sha.toLowerCase());
    if (!commit) throw new Error(`GitHub simulator: no commit ${sha} in ${owner}/${repo}`);
    const files: Record<string, string> = {};
    for (const [file, entry] of r.trees.get(commit.tree) ?? []) {
      if (entry.type === 'blob') files[file] = (r.blobs.get(entry.sha) ?? Buffer.alloc(0)).toString('utf8');
    }
    return { parents: commit.parents, message: commit.message, files };
  }

  // ---------------------------------------------------------------- HTTP entry

  async handle(request: GitHubRequest): Promise<GitHubResponse | undefined> {
    const blob = /^\/_sim\/github\/artifacts\/(\d+)\.zip$/.exec(request.path);
    if (blob && request.method.toUpperCase() === 'GET') return this.artifactBlob(blob[1] ?? '');
    const segments = request.path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    let pathMatched: Route | undefined;
    for (const route of this.routes) {
      const params = matchPattern(route.pattern, segments);
      if (!params) continue;
      pathMatched ??= route;
      if (route.method !== request.method.toUpperCase()) continue;
      const name = `${route.method} ${route.pattern.replace(/\+\}/g, '}')}`;
      const origin = `http://${String(request.headers.host ?? '127.0.0.1')}`;
      // Authentication first: no token 401 "Requires authentication", an unknown one 401 "Bad credentials"
      // (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api).
      const token = bearer(request.headers.authorization);
      if (token === undefined) return error(401, 'Requires authentication', route.docs, name);
      const permission = this.tokens.get(token);
      if (permission === undefined) return error(401, 'Bad credentials', DOCS, name);
      // A repository the token cannot see is 404, never 403 (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource).
      const repo = this.repos.get(repoKey(params.owner ?? '', params.repo ?? ''));
      if (!repo) return error(404, 'Not Found', route.docs, name);
      // GITHUB_TOKEN without `contents: write` / `deployments: write`: 403 "Resource not accessible by integration"
      // (https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token).
      if (route.write && permission !== 'write') {
        return error(403, 'Resource not accessible by integration', route.docs, name);
      }
      return route.handler({ request, params, route: name, repo, origin, workflows: this.workflowTokens.has(token) });
    }
    if (pathMatched && segments[0] === 'repos') {
      return error(404, 'Not Found', pathMatched.docs, `${request.method.toUpperCase()} ${pathMatched.pattern}`);
    }
    return undefined;
  }

  // ---------------------------------------------------------------- routes

  private buildRoutes(): Route[] {
    const refsDocs = 'https://docs.github.com/rest/git/refs';
    const tagsDocs = 'https://docs.github.com/rest/git/tags';
    const deployDocs = 'https://docs.github.com/rest/deployments/deployments';
    const statusDocs = 'https://docs.github.com/rest/deployments/statuses';
    const artifactDocs = 'https://docs.github.com/rest/actions/artifacts';
    const R = '/repos/{owner}/{repo}';
    const gitDocs = 'https://docs.github.com/rest/git';
    const releaseDocs = 'https://docs.github.com/rest/releases/releases';
    return [
      {
        method: 'POST',
        pattern: `${R}/git/blobs`,
        write: true,
        docs: `${gitDocs}/blobs#create-a-blob`,
        handler: (c) => this.createBlob(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/blobs/{file_sha}`,
        write: false,
        docs: `${gitDocs}/blobs#get-a-blob`,
        handler: (c) => this.getBlob(c),
      },
      {
        method: 'POST',
        pattern: `${R}/git/trees`,
        write: true,
        docs: `${gitDocs}/trees#create-a-tree`,
        handler: (c) => this.createTree(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/trees/{tree_sha}`,
        write: false,
        docs: `${gitDocs}/trees#get-a-tree`,
        handler: (c) => this.getTree(c),
      },
      {
        method: 'POST',
        pattern: `${R}/git/commits`,
        write: true,
        docs: `${gitDocs}/commits#create-a-commit`,
        handler: (c) => this.createGitCommit(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/commits/{commit_sha}`,
        write: false,
        docs: `${gitDocs}/commits#get-a-commit-object`,
        handler: (c) => this.getGitCommit(c),
      },
      {
        method: 'POST',
        pattern: `${R}/releases`,
        write: true,
        docs: `${releaseDocs}#create-a-release`,
        handler: (c) => this.createRelease(c),
      },
      {
        method: 'GET',
        pattern: `${R}/releases/tags/{tag}`,
        write: false,
        docs: `${releaseDocs}#get-a-release-by-tag-name`,
        handler: (c) => this.getReleaseByTag(c),
      },
      {
        method: 'POST',
        pattern: `${R}/git/tags`,
        write: true,
        docs: `${tagsDocs}#create-a-tag-object`,
        handler: (c) => this.createTag(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/tags/{tag_sha}`,
        write: false,
        docs: `${tagsDocs}#get-a-tag`,
        handler: (c) => this.getTag(c),
      },
      {
        method: 'POST',
        pattern: `${R}/git/refs`,
        write: true,
        docs: `${refsDocs}#create-a-reference`,
        handler: (c) => this.createRef(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/ref/{ref+}`,
        write: false,
        docs: `${refsDocs}#get-a-reference`,
        handler: (c) => this.getRef(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/matching-refs/{ref+}`,
        write: false,
        docs: `${refsDocs}#list-matching-references`,
        handler: (c) => this.matchingRefs(c),
      },
      {
        method: 'GET',
        pattern: `${R}/git/matching-refs`,
        write: false,
        docs: `${refsDocs}#list-matching-references`,
        handler: (c) => this.matchingRefs(c),
      },
      {
        method: 'PATCH',
        pattern: `${R}/git/refs/{ref+}`,
        write: true,
        docs: `${refsDocs}#update-a-reference`,
        handler: (c) => this.updateRef(c),
      },
      {
        method: 'DELETE',
        pattern: `${R}/git/refs/{ref+}`,
        write: true,
        docs: `${refsDocs}#delete-a-reference`,
        handler: (c) => this.deleteRef(c),
      },
      {
        method: 'GET',
        pattern: `${R}/commits/{ref}`,
        write: false,
        docs: 'https://docs.github.com/rest/commits/commits#get-a-commit',
        handler: (c) => this.getCommit(c),
      },
      {
        method: 'POST',
        pattern: `${R}/deployments`,
        write: true,
        docs: `${deployDocs}#create-a-deployment`,
        handler: (c) => this.createDeployment(c),
      },
      {
        method: 'GET',
        pattern: `${R}/deployments`,
        write: false,
        docs: `${deployDocs}#list-deployments`,
        handler: (c) => this.listDeployments(c),
      },
      {
        method: 'GET',
        pattern: `${R}/deployments/{deployment_id}`,
        write: false,
        docs: `${deployDocs}#get-a-deployment`,
        handler: (c) => this.getDeployment(c),
      },
      {
        method: 'POST',
        pattern: `${R}/deployments/{deployment_id}/statuses`,
        write: true,
        docs: `${statusDocs}#create-a-deployment-status`,
        handler: (c) => this.createStatus(c),
      },
      {
        method: 'GET',
        pattern: `${R}/deployments/{deployment_id}/statuses`,
        write: false,
        docs: `${statusDocs}#list-deployment-statuses`,
        handler: (c) => this.listStatuses(c),
      },
      {
        method: 'GET',
        pattern: `${R}/actions/runs/{run_id}/artifacts`,
        write: false,
        docs: `${artifactDocs}#list-workflow-run-artifacts`,
        handler: (c) => this.listArtifacts(c),
      },
      {
        method: 'GET',
        pattern: `${R}/actions/artifacts/{artifact_id}`,
        write: false,
        docs: `${artifactDocs}#get-an-artifact`,
        handler: (c) => this.getArtifact(c),
      },
      {
        method: 'GET',
        pattern: `${R}/actions/artifacts/{artifact_id}/{archive_format}`,
        write: false,
        docs: `${artifactDocs}#download-an-artifact`,
        handler: (c) => this.downloadArtifact(c),
      },
    ];
  }

  // Create a blob (https://docs.github.com/rest/git/blobs#create-a-blob): `content`, `encoding` utf-8 (default) or
  // base64; 201 with {url, sha}, the sha git gives that content.
  private createBlob({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/git/blobs#create-a-blob';
    const body = asRecord(request.body);
    if (typeof body.content !== 'string') {
      return error(422, `Invalid request.\n\n"content" wasn't supplied.`, docs, route);
    }
    const encoding = body.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'base64') {
      return error(
        422,
        `Invalid request.\n\n${JSON.stringify(encoding)} is not a member of ["utf-8", "base64"].`,
        docs,
        route,
      );
    }
    const content = Buffer.from(body.content, encoding === 'base64' ? 'base64' : 'utf8');
    const sha = blobSha(content);
    repo.blobs.set(sha, content);
    const url = `${origin}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`;
    return ok(201, { url, sha }, route, { location: url });
  }

  // Get a blob (https://docs.github.com/rest/git/blobs#get-a-blob): the content base64-encoded; 404 when unknown.
  private getBlob({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const sha = (params.file_sha ?? '').toLowerCase();
    const content = repo.blobs.get(sha);
    if (!content) return error(404, 'Not Found', 'https://docs.github.com/rest/git/blobs#get-a-blob', route);
    return ok(
      200,
      {
        sha,
        node_id: nodeId('Blob', sha),
        size: content.length,
        url: `${origin}/repos/${repo.owner}/${repo.name}/git/blobs/${sha}`,
        content: content.toString('base64'),
        encoding: 'base64',
      },
      route,
    );
  }

  // Create a tree (https://docs.github.com/rest/git/trees#create-a-tree): `tree` entries {path, mode, type, sha or
  // content} over an optional `base_tree`; `sha: null` deletes a path. 201 with the tree's top-level entries.
  // Entries of type `tree` (a subtree by sha) are not simulated: only blobs and submodule commits.
  private createTree({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/git/trees#create-a-tree';
    const body = asRecord(request.body);
    if (!Array.isArray(body.tree)) return error(422, `Invalid request.\n\n"tree" wasn't supplied.`, docs, route);
    let entries = new Map<string, TreeEntry>();
    if (body.base_tree !== undefined) {
      const base = typeof body.base_tree === 'string' ? repo.trees.get(body.base_tree.toLowerCase()) : undefined;
      if (!base) return error(422, 'Invalid tree info', docs, route);
      entries = new Map(base);
    }
    for (const raw of body.tree) {
      const entry = asRecord(raw);
      const file = entry.path;
      if (typeof file !== 'string' || file === '' || file.startsWith('/') || file.split('/').includes('..')) {
        return error(422, `Invalid request.\n\n"path" ${JSON.stringify(file)} is not a valid path.`, docs, route);
      }
      const mode = String(entry.mode ?? '');
      const type = entry.type;
      if (!['100644', '100755', '120000', '160000'].includes(mode) || (type !== 'blob' && type !== 'commit')) {
        return error(422, `Invalid tree info: ${file} (mode ${mode}, type ${String(type)})`, docs, route);
      }
      if (entry.sha !== undefined && entry.content !== undefined) {
        return error(422, 'Invalid tree info: give either sha or content, not both', docs, route);
      }
      if (entry.sha === null) {
        entries.delete(file);
        continue;
      }
      let sha: string;
      if (typeof entry.content === 'string') {
        const content = Buffer.from(entry.content, 'utf8');
        sha = blobSha(content);
        repo.blobs.set(sha, content);
      } else if (typeof entry.sha === 'string') {
        sha = entry.sha.toLowerCase();
        if (type === 'blob' && !repo.blobs.has(sha)) return error(422, 'Invalid tree info', docs, route);
      } else {
        return error(422, `Invalid request.\n\n"sha" or "content" wasn't supplied for ${file}.`, docs, route);
      }
      entries.set(file, { mode, type, sha });
    }
    const shas = treeShas(entries);
    for (const [dir, sha] of shas) {
      const prefix = dir === '' ? '' : `${dir}/`;
      repo.trees.set(
        sha,
        new Map([...entries].filter(([f]) => f.startsWith(prefix)).map(([f, e]) => [f.slice(prefix.length), e])),
      );
    }
    const sha = shas.get('') ?? '';
    return ok(201, this.treeJson(repo, sha, false, origin), route, {
      location: `${origin}/repos/${repo.owner}/${repo.name}/git/trees/${sha}`,
    });
  }

  // Get a tree (https://docs.github.com/rest/git/trees#get-a-tree): top-level entries, or every blob with
  // `recursive` set; 404 when unknown.
  private getTree({ request, params, repo, route, origin }: RouteContext): GitHubResponse {
    const sha = (params.tree_sha ?? '').toLowerCase();
    if (!repo.trees.has(sha))
      return error(404, 'Not Found', 'https://docs.github.com/rest/git/trees#get-a-tree', route);
    return ok(200, this.treeJson(repo, sha, request.query.has('recursive'), origin), route);
  }

  // Create a commit (https://docs.github.com/rest/git/commits#create-a-commit): `message` and `tree` required,
  // `parents` commit shas; author and committer default to the token's identity. Not on any branch until a ref
  // points at it.
  private createGitCommit({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/git/commits#create-a-commit';
    const body = asRecord(request.body);
    for (const field of ['message', 'tree'] as const) {
      if (typeof body[field] !== 'string') {
        return error(422, `Invalid request.\n\n"${field}" wasn't supplied.`, docs, route);
      }
    }
    const tree = (body.tree as string).toLowerCase();
    if (!repo.trees.has(tree)) return error(422, 'Tree SHA does not exist', docs, route);
    const parents = (Array.isArray(body.parents) ? body.parents : []).map((p) => String(p).toLowerCase());
    if (parents.some((p) => !repo.commitSet.has(p))) {
      return error(422, 'Parent SHA does not exist or is not a commit object', docs, route);
    }
    const person = (value: unknown, fallback: Person): Person => {
      const given = asRecord(value);
      return {
        name: typeof given.name === 'string' ? given.name : fallback.name,
        email: typeof given.email === 'string' ? given.email : fallback.email,
        date:
          typeof given.date === 'string' && !Number.isNaN(Date.parse(given.date))
            ? isoSeconds(Date.parse(given.date))
            : fallback.date,
      };
    };
    const author = person(body.author, { name: BOT.name, email: BOT.email, date: isoSeconds(this.clock.now()) });
    const committer = person(body.committer, author);
    const commit: CommitObject = { tree, parents, message: body.message as string, author, committer };
    const sha = commitSha(commit);
    repo.commitObjects.set(sha, commit);
    repo.commitSet.add(sha);
    return ok(201, this.gitCommitJson(repo, sha, commit, origin), route, {
      location: `${origin}/repos/${repo.owner}/${repo.name}/git/commits/${sha}`,
    });
  }

  // Get a commit object (https://docs.github.com/rest/git/commits#get-a-commit-object): 404 when unknown.
  private getGitCommit({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const sha = (params.commit_sha ?? '').toLowerCase();
    const commit = this.commitObject(repo, sha);
    if (!commit) {
      return error(404, 'Not Found', 'https://docs.github.com/rest/git/commits#get-a-commit-object', route);
    }
    return ok(200, this.gitCommitJson(repo, sha, commit, origin), route);
  }

  // Create a release (https://docs.github.com/rest/releases/releases#create-a-release): `tag_name` required; a tag
  // that does not exist yet is created at `target_commitish` (default: the default branch). 422 "Validation Failed"
  // with code already_exists when the tag has a release. 201 with the release and its Location.
  private createRelease({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/releases/releases#create-a-release';
    const body = asRecord(request.body);
    if (typeof body.tag_name !== 'string' || body.tag_name === '') {
      return error(422, `Invalid request.\n\n"tag_name" wasn't supplied.`, docs, route);
    }
    const tagName = body.tag_name;
    if (repo.releases.some((r) => r.tagName === tagName)) {
      return error(422, 'Validation Failed', docs, route, {
        errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      });
    }
    const makeLatest = body.make_latest ?? 'true';
    if (!['true', 'false', 'legacy'].includes(String(makeLatest))) {
      return error(
        422,
        `Invalid request.\n\n${JSON.stringify(makeLatest)} is not a member of ["true", "false", "legacy"].`,
        docs,
        route,
      );
    }
    const target = typeof body.target_commitish === 'string' ? body.target_commitish : repo.defaultBranch;
    const ref = `refs/tags/${tagName}`;
    if (!repo.refs.has(ref)) {
      if (refNameProblem(ref))
        return error(422, 'Validation Failed', docs, route, {
          errors: [{ resource: 'Release', code: 'invalid', field: 'tag_name' }],
        });
      const sha = this.resolveCommitish(repo, target);
      if (!sha) {
        return error(422, 'Validation Failed', docs, route, {
          errors: [{ resource: 'Release', code: 'invalid', field: 'target_commitish' }],
        });
      }
      repo.refs.set(ref, { sha, type: 'commit' });
    }
    const release: ReleaseRecord = {
      id: this.id(),
      tagName,
      targetCommitish: target,
      name: typeof body.name === 'string' ? body.name : tagName,
      body: typeof body.body === 'string' ? body.body : '',
      draft: body.draft === true,
      prerelease: body.prerelease === true,
      makeLatest: String(makeLatest),
      createdAt: isoSeconds(this.clock.now()),
    };
    repo.releases.push(release);
    const json = this.releaseJson(repo, release, origin);
    return ok(201, json, route, { location: json.url });
  }

  // Get a release by tag name (https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name): 404 when none.
  private getReleaseByTag({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const release = repo.releases.find((r) => r.tagName === params.tag);
    if (!release) {
      return error(404, 'Not Found', 'https://docs.github.com/rest/releases/releases#get-a-release-by-tag-name', route);
    }
    return ok(200, this.releaseJson(repo, release, origin), route);
  }

  // Create a tag object (https://docs.github.com/rest/git/tags#create-a-tag-object): 201 with sha, tag, message,
  // tagger, object {sha, type, url}, verification. The object must exist; the tagger defaults to the token's identity.
  private createTag({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/git/tags#create-a-tag-object';
    const body = asRecord(request.body);
    for (const field of ['tag', 'message', 'object', 'type'] as const) {
      if (typeof body[field] !== 'string') {
        return error(422, `Invalid request.\n\n"${field}" wasn't supplied.`, docs, route);
      }
    }
    const tagName = body.tag as string;
    const type = body.type as string;
    if (!['commit', 'tree', 'blob'].includes(type)) {
      return error(
        422,
        `Invalid request.\n\n${JSON.stringify(type)} is not a member of ["commit", "tree", "blob"].`,
        docs,
        route,
      );
    }
    const objectSha = (body.object as string).toLowerCase();
    if (type !== 'commit' || !repo.commitSet.has(objectSha)) return error(422, 'Object does not exist', docs, route);
    const taggerInput = asRecord(body.tagger);
    const date =
      typeof taggerInput.date === 'string' && !Number.isNaN(Date.parse(taggerInput.date))
        ? isoSeconds(Date.parse(taggerInput.date))
        : isoSeconds(this.clock.now());
    const tagger = {
      name: typeof taggerInput.name === 'string' ? taggerInput.name : BOT.name,
      email: typeof taggerInput.email === 'string' ? taggerInput.email : BOT.email,
      date,
    };
    const message = body.message as string;
    // The sha of a real git tag object: sha1("tag <size>\0" + content), so equal inputs give equal shas.
    const content = `object ${objectSha}\ntype ${type}\ntag ${tagName}\ntagger ${tagger.name} <${tagger.email}> ${Math.floor(Date.parse(date) / 1000)} +0000\n\n${message}`;
    const sha = createHash('sha1')
      .update(`tag ${Buffer.byteLength(content)}\0${content}`)
      .digest('hex');
    const tag: TagObject = { sha, tag: tagName, message, object: { sha: objectSha, type }, tagger };
    repo.tagObjects.set(sha, tag);
    return ok(201, this.tagJson(repo, tag, origin), route, {
      location: `${origin}/repos/${repo.owner}/${repo.name}/git/tags/${sha}`,
    });
  }

  // Get a tag (https://docs.github.com/rest/git/tags#get-a-tag): 404 for an unknown tag object sha.
  private getTag({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const tag = repo.tagObjects.get((params.tag_sha ?? '').toLowerCase());
    if (!tag) return error(404, 'Not Found', 'https://docs.github.com/rest/git/tags#get-a-tag', route);
    return ok(200, this.tagJson(repo, tag, origin), route);
  }

  // Create a reference (https://docs.github.com/rest/git/refs#create-a-reference): ref must be a full name
  // (`refs/...` with two slashes) valid for git; 422 "Reference already exists"; 422 "Object does not exist".
  private createRef({ request, repo, route, origin, workflows }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/git/refs#create-a-reference';
    const body = asRecord(request.body);
    if (typeof body.ref !== 'string') return error(422, `Invalid request.\n\n"ref" wasn't supplied.`, docs, route);
    if (typeof body.sha !== 'string') return error(422, `Invalid request.\n\n"sha" wasn't supplied.`, docs, route);
    const ref = body.ref;
    if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
      return error(422, "Reference name must start with 'refs/' and have at least two slashes.", docs, route);
    }
    if (refNameProblem(ref)) return error(422, `${ref} is not a valid ref name.`, docs, route);
    if (repo.refs.has(ref)) return error(422, 'Reference already exists', docs, route);
    const target = this.objectType(repo, body.sha.toLowerCase());
    if (!target) return error(422, 'Object does not exist', docs, route);
    if (!workflows && this.changesWorkflows(repo, body.sha.toLowerCase())) return workflowsRefused(docs, route);
    repo.refs.set(ref, { sha: body.sha.toLowerCase(), type: target });
    return ok(201, this.refJson(repo, ref, origin), route, {
      location: `${origin}/repos/${repo.owner}/${repo.name}/git/${ref}`,
    });
  }

  // Get a reference (https://docs.github.com/rest/git/refs#get-a-reference): `ref` without `refs/`, exact match, else 404.
  private getRef({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const ref = `refs/${params.ref ?? ''}`;
    if (!repo.refs.has(ref))
      return error(404, 'Not Found', 'https://docs.github.com/rest/git/refs#get-a-reference', route);
    return ok(200, this.refJson(repo, ref, origin), route);
  }

  // List matching references (https://docs.github.com/rest/git/refs#list-matching-references): every ref that
  // starts with `refs/<ref>`, sorted by name; an empty array when none match.
  private matchingRefs({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const prefix = `refs/${params.ref ?? ''}`;
    const refs = [...repo.refs.keys()]
      .filter((ref) => ref.startsWith(prefix))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((ref) => this.refJson(repo, ref, origin));
    return ok(200, refs, route);
  }

  // Update a reference (https://docs.github.com/rest/git/refs#update-a-reference): 422 "Reference does not exist";
  // without `force` only a fast-forward along the seeded history is allowed (422 "Update is not a fast forward").
  private updateRef({ request, params, repo, route, origin, workflows }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/git/refs#update-a-reference';
    const ref = `refs/${params.ref ?? ''}`;
    const body = asRecord(request.body);
    if (typeof body.sha !== 'string') return error(422, `Invalid request.\n\n"sha" wasn't supplied.`, docs, route);
    const current = repo.refs.get(ref);
    if (!current) return error(422, 'Reference does not exist', docs, route);
    const sha = body.sha.toLowerCase();
    const type = this.objectType(repo, sha);
    if (!type) return error(422, 'Object does not exist', docs, route);
    if (!workflows && this.changesWorkflows(repo, sha)) return workflowsRefused(docs, route);
    if (body.force !== true && sha !== current.sha) {
      const from = current.type === 'commit' ? repo.commits.indexOf(current.sha) : -1;
      const to = type === 'commit' ? repo.commits.indexOf(sha) : -1;
      if (from < 0 || to < from) return error(422, 'Update is not a fast forward', docs, route);
    }
    repo.refs.set(ref, { sha, type });
    return ok(200, this.refJson(repo, ref, origin), route);
  }

  // Delete a reference (https://docs.github.com/rest/git/refs#delete-a-reference): 204, or 422 "Reference does not exist".
  private deleteRef({ params, repo, route }: RouteContext): GitHubResponse {
    const ref = `refs/${params.ref ?? ''}`;
    if (!repo.refs.delete(ref)) {
      return error(422, 'Reference does not exist', 'https://docs.github.com/rest/git/refs#delete-a-reference', route);
    }
    return { status: 204, route };
  }

  // Get a commit (https://docs.github.com/rest/commits/commits#get-a-commit): a sha, branch or tag name;
  // 422 "No commit found for SHA: <ref>" when nothing resolves.
  private getCommit({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const ref = params.ref ?? '';
    const sha = this.resolveCommitish(repo, ref);
    if (!sha) {
      return error(
        422,
        `No commit found for SHA: ${ref}`,
        'https://docs.github.com/rest/commits/commits#get-a-commit',
        route,
      );
    }
    const commit = this.commitObject(repo, sha) as CommitObject;
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    return ok(
      200,
      {
        sha,
        node_id: nodeId('Commit', sha),
        commit: {
          author: commit.author,
          committer: commit.committer,
          message: commit.message,
          tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
          url: `${base}/git/commits/${sha}`,
          comment_count: 0,
          verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
        },
        url: `${base}/commits/${sha}`,
        html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
        comments_url: `${base}/commits/${sha}/comments`,
        author: null,
        committer: null,
        parents: commit.parents.map((p) => ({ sha: p, url: `${base}/commits/${p}` })),
        stats: { total: 0, additions: 0, deletions: 0 },
        files: [],
      },
      route,
    );
  }

  // Create a deployment (https://docs.github.com/rest/deployments/deployments#create-a-deployment): `ref` is a
  // branch, tag or sha (422 when missing or unknown); environment defaults to `production`; 201 with the deployment.
  // Commit-status checks (required_contexts) and auto-merge are not simulated.
  private createDeployment({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/deployments/deployments#create-a-deployment';
    const body = asRecord(request.body);
    if (typeof body.ref !== 'string') return error(422, `Invalid request.\n\n"ref" wasn't supplied.`, docs, route);
    const sha = this.resolveCommitish(repo, body.ref);
    if (!sha) return error(422, `No ref found for: ${body.ref}`, docs, route);
    const environment = typeof body.environment === 'string' && body.environment ? body.environment : 'production';
    const deployment: DeploymentRecord = {
      id: this.id(),
      sha,
      ref: body.ref,
      task: typeof body.task === 'string' ? body.task : 'deploy',
      payload: typeof body.payload === 'string' ? parseMaybeJson(body.payload) : (body.payload ?? {}),
      environment,
      originalEnvironment: environment,
      description: typeof body.description === 'string' ? body.description : null,
      transientEnvironment: body.transient_environment === true,
      productionEnvironment:
        typeof body.production_environment === 'boolean' ? body.production_environment : environment === 'production',
      createdAt: isoSeconds(this.clock.now()),
      statuses: [],
    };
    repo.deployments.push(deployment);
    return ok(201, this.deploymentJson(repo, deployment, origin), route);
  }

  // List deployments (https://docs.github.com/rest/deployments/deployments#list-deployments): newest first,
  // filtered by sha, ref, task and environment.
  private listDeployments({ request, repo, route, origin }: RouteContext): GitHubResponse {
    const q = request.query;
    const list = repo.deployments
      .filter((d) => (q.get('sha') ? d.sha === q.get('sha') : true))
      .filter((d) => (q.get('ref') ? d.ref === q.get('ref') : true))
      .filter((d) => (q.get('task') ? d.task === q.get('task') : true))
      .filter((d) => (q.get('environment') ? d.environment === q.get('environment') : true))
      .reverse();
    return ok(
      200,
      paginate(list, q).map((d) => this.deploymentJson(repo, d, origin)),
      route,
    );
  }

  private getDeployment({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const deployment = repo.deployments.find((d) => String(d.id) === params.deployment_id);
    if (!deployment)
      return error(404, 'Not Found', 'https://docs.github.com/rest/deployments/deployments#get-a-deployment', route);
    return ok(200, this.deploymentJson(repo, deployment, origin), route);
  }

  // Create a deployment status (https://docs.github.com/rest/deployments/statuses#create-a-deployment-status):
  // state is one of error, failure, inactive, in_progress, queued, pending, success; `auto_inactive` (default true)
  // adds an inactive status to earlier successful non-transient, non-production deployments of the same environment.
  private createStatus({ request, params, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status';
    const deployment = repo.deployments.find((d) => String(d.id) === params.deployment_id);
    if (!deployment) return error(404, 'Not Found', docs, route);
    const body = asRecord(request.body);
    if (typeof body.state !== 'string') return error(422, `Invalid request.\n\n"state" wasn't supplied.`, docs, route);
    if (!DEPLOYMENT_STATES.includes(body.state)) {
      return error(
        422,
        `Invalid request.\n\n${JSON.stringify(body.state)} is not a member of ${JSON.stringify(DEPLOYMENT_STATES)}.`,
        docs,
        route,
      );
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    if (typeof body.environment === 'string' && body.environment) deployment.environment = body.environment;
    const status: DeploymentStatusRecord = {
      id: this.id(),
      state: body.state,
      description: str(body.description),
      environment: deployment.environment,
      targetUrl: str(body.target_url) || str(body.log_url),
      logUrl: str(body.log_url) || str(body.target_url),
      environmentUrl: str(body.environment_url),
      createdAt: isoSeconds(this.clock.now()),
    };
    deployment.statuses.push(status);
    if (body.state === 'success' && body.auto_inactive !== false) {
      for (const other of repo.deployments) {
        if (other === deployment || other.environment !== deployment.environment) continue;
        if (other.transientEnvironment || other.productionEnvironment) continue;
        if (other.statuses.at(-1)?.state !== 'success') continue;
        other.statuses.push({
          ...status,
          id: this.id(),
          state: 'inactive',
          description: '',
          environment: other.environment,
        });
      }
    }
    return ok(201, this.statusJson(repo, deployment, status, origin), route);
  }

  private listStatuses({ request, params, repo, route, origin }: RouteContext): GitHubResponse {
    const deployment = repo.deployments.find((d) => String(d.id) === params.deployment_id);
    if (!deployment)
      return error(
        404,
        'Not Found',
        'https://docs.github.com/rest/deployments/statuses#list-deployment-statuses',
        route,
      );
    const list = [...deployment.statuses].reverse();
    return ok(
      200,
      paginate(list, request.query).map((s) => this.statusJson(repo, deployment, s, origin)),
      route,
    );
  }

  // List workflow run artifacts (https://docs.github.com/rest/actions/artifacts#list-workflow-run-artifacts):
  // `{total_count, artifacts}`, optionally filtered by `name`.
  private listArtifacts({ request, params, repo, route, origin }: RouteContext): GitHubResponse {
    const name = request.query.get('name');
    const list = repo.artifacts.filter((a) => String(a.runId) === params.run_id && (name ? a.name === name : true));
    return ok(
      200,
      {
        total_count: list.length,
        artifacts: paginate(list, request.query).map((a) => this.artifactJson(repo, a, origin)),
      },
      route,
    );
  }

  private getArtifact({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const artifact = repo.artifacts.find((a) => String(a.id) === params.artifact_id);
    if (!artifact)
      return error(404, 'Not Found', 'https://docs.github.com/rest/actions/artifacts#get-an-artifact', route);
    return ok(200, this.artifactJson(repo, artifact, origin), route);
  }

  // Download an artifact (https://docs.github.com/rest/actions/artifacts#download-an-artifact): 302 with a
  // short-lived `Location` to the zip; `archive_format` must be `zip`.
  private downloadArtifact({ params, repo, route, origin }: RouteContext): GitHubResponse {
    const docs = 'https://docs.github.com/rest/actions/artifacts#download-an-artifact';
    const artifact = repo.artifacts.find((a) => String(a.id) === params.artifact_id);
    if (!artifact || params.archive_format !== 'zip') return error(404, 'Not Found', docs, route);
    return { status: 302, route, headers: { location: `${origin}/_sim/github/artifacts/${artifact.id}.zip` } };
  }

  /** The redirect target: the zip bytes, no token needed (GitHub's is a signed storage URL). */
  private artifactBlob(id: string): GitHubResponse {
    const route = 'GET /_sim/github/artifacts/{artifact_id}.zip';
    for (const repo of this.repos.values()) {
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

  // ---------------------------------------------------------------- helpers

  private id(): number {
    return 1_000_000 + this.nextId++;
  }

  private requireRepo(owner: string, repo: string): Repository {
    const r = this.repos.get(repoKey(owner, repo));
    if (!r) throw new Error(`GitHub simulator: repository ${owner}/${repo} is not seeded (seedRepository first)`);
    return r;
  }

  private objectType(repo: Repository, sha: string): 'commit' | 'tag' | undefined {
    if (repo.commitSet.has(sha)) return 'commit';
    if (repo.tagObjects.has(sha)) return 'tag';
    return undefined;
  }

  /** Follows tag objects to the commit. */
  private peel(repo: Repository, sha: string): string {
    let current = sha;
    for (let depth = 0; depth < 10; depth++) {
      const tag = repo.tagObjects.get(current);
      if (!tag) return current;
      current = tag.object.sha;
    }
    return current;
  }

  private resolveCommitish(repo: Repository, ref: string): string | undefined {
    const lower = ref.toLowerCase();
    if (repo.commitSet.has(lower)) return lower;
    if (/^[0-9a-f]{7,39}$/.test(lower)) {
      const matches = repo.commits.filter((c) => c.startsWith(lower));
      if (matches.length === 1) return matches[0];
    }
    for (const full of [ref, `refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]) {
      const target = repo.refs.get(full);
      if (target) return this.peel(repo, target.sha);
    }
    return undefined;
  }

  private refJson(repo: Repository, ref: string, origin: string) {
    const target = repo.refs.get(ref) ?? { sha: '', type: 'commit' as const };
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    return {
      ref,
      node_id: nodeId('Ref', `${repo.id}:${ref}`),
      url: `${base}/git/${ref}`,
      object: {
        sha: target.sha,
        type: target.type,
        url: `${base}/git/${target.type === 'tag' ? 'tags' : 'commits'}/${target.sha}`,
      },
    };
  }

  /**
   * Whether the commit a ref would point at changes `.github/workflows/` compared with its first parent. GitHub
   * refuses such a ref to a token without the `workflows` permission, over git and REST alike (GITHUB_TOKEN can never
   * have it). Seeded commits came by a push of someone allowed to, so only commits made through the API count.
   */
  private changesWorkflows(repo: Repository, sha: string): boolean {
    const commit = repo.commitObjects.get(this.peel(repo, sha));
    if (!commit) return false;
    const parent = commit.parents[0] ? this.commitObject(repo, commit.parents[0]) : undefined;
    const workflowFiles = (tree: string | undefined) =>
      JSON.stringify(
        [...(tree ? (repo.trees.get(tree) ?? []) : [])]
          .filter(([file]) => file.startsWith('.github/workflows/'))
          .sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    return workflowFiles(commit.tree) !== workflowFiles(parent?.tree);
  }

  private commitObject(repo: Repository, sha: string): CommitObject | undefined {
    const made = repo.commitObjects.get(sha);
    if (made) return made;
    const index = repo.commits.indexOf(sha);
    if (index < 0) return undefined;
    const parent = index > 0 ? repo.commits[index - 1] : undefined;
    const date = isoSeconds(this.clock.now() - (repo.commits.length - index) * 3_600_000);
    const person = { name: 'Octo Dev', email: 'dev@example.com', date };
    return {
      tree: seededTree(sha),
      parents: parent ? [parent] : [],
      message: `Commit ${sha.slice(0, 7)}`,
      author: person,
      committer: person,
    };
  }

  private treeJson(repo: Repository, sha: string, recursive: boolean, origin: string) {
    const base = `${origin}/repos/${repo.owner}/${repo.name}/git`;
    const entries = [...(repo.trees.get(sha) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const listed: { path: string; mode: string; type: string; sha: string; size?: number; url: string }[] = [];
    const dirs = new Set<string>();
    for (const [file, entry] of entries) {
      const parts = file.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const dir = parts.slice(0, depth).join('/');
        if (dirs.has(dir) || (!recursive && depth > 1)) continue;
        dirs.add(dir);
        const treeSha =
          treeShas(
            new Map(entries.filter(([f]) => f.startsWith(`${dir}/`)).map(([f, e]) => [f.slice(dir.length + 1), e])),
          ).get('') ?? '';
        listed.push({ path: dir, mode: '040000', type: 'tree', sha: treeSha, url: `${base}/trees/${treeSha}` });
      }
      if (!recursive && parts.length > 1) continue;
      listed.push({
        path: file,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(entry.type === 'blob' ? { size: repo.blobs.get(entry.sha)?.length ?? 0 } : {}),
        url: `${base}/${entry.type === 'blob' ? 'blobs' : 'commits'}/${entry.sha}`,
      });
    }
    return { sha, url: `${base}/trees/${sha}`, tree: listed, truncated: false };
  }

  private gitCommitJson(repo: Repository, sha: string, commit: CommitObject, origin: string) {
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    return {
      sha,
      node_id: nodeId('Commit', sha),
      url: `${base}/git/commits/${sha}`,
      html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree, url: `${base}/git/trees/${commit.tree}` },
      parents: commit.parents.map((p) => ({
        sha: p,
        url: `${base}/git/commits/${p}`,
        html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${p}`,
      })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }

  private releaseJson(repo: Repository, r: ReleaseRecord, origin: string) {
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    return {
      url: `${base}/releases/${r.id}`,
      html_url: `https://github.com/${repo.owner}/${repo.name}/releases/tag/${r.tagName}`,
      assets_url: `${base}/releases/${r.id}/assets`,
      upload_url: `${origin}/repos/${repo.owner}/${repo.name}/releases/${r.id}/assets{?name,label}`,
      tarball_url: `${base}/tarball/${r.tagName}`,
      zipball_url: `${base}/zipball/${r.tagName}`,
      id: r.id,
      node_id: nodeId('Release', r.id),
      tag_name: r.tagName,
      target_commitish: r.targetCommitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      created_at: r.createdAt,
      published_at: r.draft ? null : r.createdAt,
      author: this.creator(),
      assets: [],
    };
  }

  private tagJson(repo: Repository, tag: TagObject, origin: string) {
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    return {
      node_id: nodeId('Tag', tag.sha),
      tag: tag.tag,
      sha: tag.sha,
      url: `${base}/git/tags/${tag.sha}`,
      message: tag.message,
      tagger: tag.tagger,
      object: { type: tag.object.type, sha: tag.object.sha, url: `${base}/git/commits/${tag.object.sha}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }

  private creator() {
    return { login: BOT.login, id: BOT.id, node_id: nodeId('Bot', BOT.id), type: 'Bot', site_admin: false };
  }

  private deploymentJson(repo: Repository, d: DeploymentRecord, origin: string) {
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    const updated = d.statuses.at(-1)?.createdAt ?? d.createdAt;
    return {
      url: `${base}/deployments/${d.id}`,
      id: d.id,
      node_id: nodeId('Deployment', d.id),
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.originalEnvironment,
      environment: d.environment,
      description: d.description,
      creator: this.creator(),
      created_at: d.createdAt,
      updated_at: updated,
      statuses_url: `${base}/deployments/${d.id}/statuses`,
      repository_url: base,
      transient_environment: d.transientEnvironment,
      production_environment: d.productionEnvironment,
    };
  }

  private statusJson(repo: Repository, d: DeploymentRecord, s: DeploymentStatusRecord, origin: string) {
    const base = `${origin}/repos/${repo.owner}/${repo.name}`;
    return {
      url: `${base}/deployments/${d.id}/statuses/${s.id}`,
      id: s.id,
      node_id: nodeId('DeploymentStatus', s.id),
      state: s.state,
      creator: this.creator(),
      description: s.description,
      environment: s.environment,
      target_url: s.targetUrl,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      deployment_url: `${base}/deployments/${d.id}`,
      repository_url: base,
      environment_url: s.environmentUrl,
      log_url: s.logUrl,
    };
  }

  private artifactJson(repo: Repository, a: ArtifactRecord, origin: string) {
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
}

/** A ref to a commit that changes workflow files, with a token that may not (GitHub names the missing permission). */
function workflowsRefused(docs: string, route: string): GitHubResponse {
  const response = error(403, 'Resource not accessible by integration', docs, route);
  return {
    ...response,
    headers: { ...response.headers, 'x-accepted-github-permissions': 'contents=write; contents=write,workflows=write' },
  };
}

/** The tree of a seeded commit, whose content is not simulated (an empty tree of its own). */
function seededTree(commit: string): string {
  return createHash('sha1').update(`tree ${commit}`).digest('hex');
}

function repoKey(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

/** `Authorization: token X` or `Bearer X` (https://docs.github.com/rest/authentication/authenticating-to-the-rest-api). */
function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(value);
  return match ? match[1] : '';
}

function matchPattern(pattern: string, segments: string[]): Params | undefined {
  const parts = pattern.split('/').filter((s) => s !== '');
  const params: Params = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const rest = /^\{(\w+)\+\}$/.exec(part);
    if (rest) {
      if (i >= segments.length) return undefined;
      params[rest[1] ?? ''] = segments.slice(i).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) params[name] = segment;
    else if (part !== segment) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

/** `per_page` (default 30, max 100) and `page` (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api). */
function paginate<T>(list: T[], query: URLSearchParams): T[] {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  return list.slice((page - 1) * perPage, page * perPage);
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
