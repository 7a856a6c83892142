/**
 * The GitHub REST side of the simulator: git tags and refs, commits, the git data API (blobs, trees, commits),
 * releases, deployments and deployment statuses, workflow run artifacts. JSON shapes, status codes and error bodies follow the GitHub REST API docs
 * (https://docs.github.com/rest); each route cites its page. State lives in memory, seeded by the methods below.
 *
 * This file is the entry: seeding, assertions, and the request path (route match, then auth.ts, then the handler).
 * The routes are in routes.ts, their handlers by topic: refs-tags.ts, commits.ts, blobs-trees.ts, releases.ts,
 * deployments.ts, artifacts.ts; the state's shapes in model.ts.
 */
import type { GitHubApiSide, GitHubRequest, GitHubResponse, SimClock } from '../contract.js';
import { artifactBlob } from './artifacts.js';
import { authorize } from './auth.js';
import { commitObject, peel, seededTree } from './history.js';
import {
  BOT,
  type DeploymentRecord,
  type ReleaseRecord,
  type Repository,
  type Route,
  repoKey,
  type SeedArtifactInput,
  type SeedRepositoryInput,
  SHA_RE,
  type TagRef,
  type TokenPermission,
} from './model.js';
import { RateLimits } from './rate-limit.js';
import { storeTagObject } from './refs-tags.js';
import { error, isoSeconds } from './responses.js';
import { buildRoutes, matchPattern } from './routes.js';
import { createZip } from './zip.js';

export type {
  DeploymentRecord,
  DeploymentStatusRecord,
  ReleaseRecord,
  SeedArtifactInput,
  SeedRepositoryInput,
  TagRef,
  TokenPermission,
} from './model.js';

export class GitHubSimulator implements GitHubApiSide {
  readonly clock: SimClock;
  private readonly repos = new Map<string, Repository>();
  private readonly tokens = new Map<string, TokenPermission>();
  /** Tokens with the `workflows` permission (a GitHub App or fine-grained token; GITHUB_TOKEN never has it). */
  private readonly workflowTokens = new Set<string>();
  private nextId = 1;
  private readonly routes: Route[] = buildRoutes();
  private readonly rateLimits: RateLimits;

  constructor(options: { clock: SimClock }) {
    this.clock = options.clock;
    this.rateLimits = new RateLimits(() => this.clock.now());
  }

  /**
   * The job token's primary rate limit, requests per hour per repository (default 1,000, as GitHub's); undefined
   * turns it off for a long suite that does not count requests.
   */
  setRateLimit(perHour: number | undefined): void {
    this.rateLimits.limit = perHour;
  }

  /** Requests counted against the rate limit of a repository in the current hour. */
  rateLimitUsed(owner: string, repo: string): number {
    return this.rateLimits.used(repoKey(owner, repo));
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

  /**
   * An upload by actions/upload-artifact v4+ (its CreateArtifact call): names are unique in a run, so a second
   * artifact of the same name fails with the service's 409, unless `overwrite` (the action deletes the old one first).
   */
  uploadArtifact(input: SeedArtifactInput & { overwrite?: boolean }): number {
    const repo = this.requireRepo(input.owner, input.repo);
    const same = repo.artifacts.findIndex((a) => a.runId === input.runId && a.name === input.name);
    if (same >= 0) {
      if (!input.overwrite) {
        throw new Error(
          'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
        );
      }
      repo.artifacts.splice(same, 1);
    }
    return this.seedArtifact(input);
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

  /**
   * Tags put straight into the model (no HTTP, no rate limit): an annotated tag object and its ref when a message is
   * given, else a lightweight tag. For tests that need thousands of tags, as a repository years old has.
   */
  seedTags(owner: string, repo: string, tags: { name: string; commit: string; message?: string }[]): void {
    const r = this.requireRepo(owner, repo);
    const tagger = { name: BOT.name, email: BOT.email, date: isoSeconds(this.clock.now()) };
    for (const { name, commit, message } of tags) {
      const sha = commit.toLowerCase();
      if (!r.commitSet.has(sha)) throw new Error(`seedTags: commit ${commit} is not in ${owner}/${repo}`);
      const target =
        message === undefined
          ? { sha, type: 'commit' as const }
          : {
              sha: storeTagObject(r, { tag: name, message, object: sha, type: 'commit', tagger }).sha,
              type: 'tag' as const,
            };
      r.refs.set(`refs/tags/${name}`, target);
    }
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
          commit: peel(r, target.sha),
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
    const commit = commitObject(r, sha.toLowerCase(), this.clock);
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
    if (blob && request.method.toUpperCase() === 'GET') return artifactBlob(this.repos.values(), blob[1] ?? '');
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
      const access = authorize(
        { repos: this.repos, tokens: this.tokens, workflowTokens: this.workflowTokens },
        request,
        { route, params, name },
      );
      if (access.denied) return access.denied;
      const { repo, workflows } = access;
      const quota = this.rateLimits.take(repoKey(repo.owner, repo.name), name, repo.id);
      if ('refused' in quota) return quota.refused;
      const response = await route.handler({
        request,
        params,
        route: name,
        repo,
        origin,
        workflows,
        clock: this.clock,
        newId: () => this.id(),
      });
      return { ...response, headers: { ...response.headers, ...quota.headers } };
    }
    if (pathMatched && segments[0] === 'repos') {
      return error(404, 'Not Found', pathMatched.docs, `${request.method.toUpperCase()} ${pathMatched.pattern}`);
    }
    return undefined;
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
}
