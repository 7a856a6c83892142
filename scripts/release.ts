/**
 * Releases vX.Y.Z of ecs-actions through the GitHub REST API, so that a release's reusable workflows call the
 * actions of that same release (deploy.yml@v1.4.0 runs ecs-deploy-wait@v1.4.0, never the v1 of a later release):
 *
 * 1. checks the version (vX.Y.Z), its CHANGELOG.md section, the tag and release not being taken, that vX
 *    does not move backwards (a lower version than the one vX points at), and that the commit is on the default
 *    branch (a vX.Y.Z tag pushed from any other branch would otherwise move vX for every consumer), unless forced;
 * 2. makes a release commit on top of the commit being released (on no branch) in which every
 *    `uses: ecs-actions/ecs-actions/<action>@vX` and `.../.github/workflows/<x>.yml@vX` of .github/workflows/*.yml
 *    reads `@vX.Y.Z` (git data API: blobs, tree, commit); the starter workflows (.github/workflow-templates/) keep
 *    `@vX`, which they must use, so that an application that copies them follows the major;
 * 3. tags it vX.Y.Z (an annotated tag; a pushed vX.Y.Z tag on the released commit is moved to it), moves vX to it,
 *    and creates the GitHub release with the CHANGELOG notes last: a run that failed before the release is simply
 *    run again (the tag then points at an earlier release commit of the same commit, which is allowed).
 *
 * .github/workflows/release.yml runs it as `node scripts/release.ts` (Node strips the types: no install needed),
 * with VERSION, FORCE and RELEASE_TOKEN in its environment. Only Node built-ins, so that it runs from a bare checkout.
 *
 * RELEASE_TOKEN, not the job's GITHUB_TOKEN: GitHub refuses a ref to a commit that changes .github/workflows/ to a
 * token without the `workflows` permission, which GITHUB_TOKEN cannot be given. A GitHub App installation token or a
 * fine-grained token with Contents and Workflows read and write on this repository does it.
 */
import { appendFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A mistake in what was asked (version, changelog, tags): its message names the value and the fix. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

export interface Version {
  /** `v1.4.0` */
  tag: string;
  /** `v1` */
  majorTag: string;
  numbers: [number, number, number];
}

const VERSION_RE = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseVersion(text: string): Version {
  const match = VERSION_RE.exec(text);
  if (!match) {
    throw new ReleaseError(
      `version: ${JSON.stringify(text)} is not a release version; give vX.Y.Z, e.g. v1.4.0 (digits only, no leading zeros, no suffix)`,
    );
  }
  const numbers = [Number(match[1]), Number(match[2]), Number(match[3])] as [number, number, number];
  return { tag: text, majorTag: `v${numbers[0]}`, numbers };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The notes of `version` in a keep-a-changelog file: the text under `## [X.Y.Z]` (a date may follow) up to the next
 * `## ` heading, without link reference definitions. A missing or empty section is an error.
 */
export function changelogNotes(changelog: string, version: Version): string {
  const number = version.tag.slice(1);
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => new RegExp(`^## \\[v?${number.replaceAll('.', '\\.')}\\](\\s|$)`).test(line));
  if (start < 0) {
    throw new ReleaseError(
      `CHANGELOG.md has no section for ${version.tag}: add "## [${number}] - YYYY-MM-DD" with its notes (move them from "## [Unreleased]") and release again`,
    );
  }
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^## /.test(line));
  const notes = (end < 0 ? rest : rest.slice(0, end))
    .filter((line) => !/^\[[^\]]+\]:\s*\S+\s*$/.test(line))
    .join('\n')
    .trim();
  if (!notes)
    throw new ReleaseError(`CHANGELOG.md: the section "## [${number}]" is empty; write the notes of ${version.tag}`);
  return notes;
}

/** A `uses:` line naming an action or reusable workflow of `repository` (the repository being released). */
function usesPattern(repository: string): RegExp {
  const name = repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(\\s*(?:-\\s+)?uses:\\s*['"]?)(${name}/[^@\\s'"]+)@([^\\s'"#]+)`);
}

/**
 * Rewrites every `uses:` of our actions and reusable workflows at `@vX` (the release's major) to `@vX.Y.Z`.
 * Any other ref of ours (another major, a branch, another version) is an error: the release would call code that
 * is not part of it.
 */
export function pinWorkflow(
  text: string,
  version: Version,
  file: string,
  repository: string,
): { text: string; pinned: number } {
  const uses = usesPattern(repository);
  let pinned = 0;
  const problems: string[] = [];
  const lines = text.split('\n').map((line, index) => {
    const match = uses.exec(line);
    if (!match) return line;
    const [whole, prefix = '', target = '', ref = ''] = match;
    if (ref === version.tag) return line;
    if (ref !== version.majorTag) {
      problems.push(
        `${file}:${index + 1} uses ${target}@${ref}; in a ${version.tag} release our actions and workflows are called at @${version.majorTag}`,
      );
      return line;
    }
    pinned++;
    return `${prefix}${target}@${version.tag}${line.slice(whole.length)}`;
  });
  if (problems.length > 0) throw new ReleaseError(problems.join('\n'));
  return { text: lines.join('\n'), pinned };
}

/** The workflow files a release pins, relative to the repository root: the reusable workflows run their own release. */
export const PINNED_FOLDERS = ['.github/workflows'];
/**
 * The starter workflows stay at `@vX` in a release: an application copies them once and should follow the major, as
 * the README tells it to (`@v1`). Their refs are still checked: a v2 release whose templates call @v1 is refused.
 */
export const MAJOR_FOLDERS = ['.github/workflow-templates'];

/** The release's files with their refs pinned: path → new text, only the files that changed. */
export async function pinnedFiles(root: string, version: Version, repository: string): Promise<Record<string, string>> {
  const changed: Record<string, string> = {};
  const problems: string[] = [];
  for (const folder of [...PINNED_FOLDERS, ...MAJOR_FOLDERS]) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = `${folder}/${name}`;
      const text = await readFile(path.join(root, file), 'utf8');
      try {
        const result = pinWorkflow(text, version, file, repository);
        if (result.pinned > 0 && PINNED_FOLDERS.includes(folder)) changed[file] = result.text;
      } catch (error) {
        if (!(error instanceof ReleaseError)) throw error;
        problems.push(error.message);
      }
    }
  }
  if (problems.length > 0) throw new ReleaseError(problems.join('\n'));
  // Workflows that name another repository (a fork not yet retargeted) would call code outside this release.
  if (Object.keys(changed).length === 0) {
    throw new ReleaseError(
      `no workflow calls ${repository}/…@${version.majorTag}: the workflows name another repository; run pnpm retarget ${repository} and commit before releasing`,
    );
  }
  return changed;
}

// ------------------------------------------------------------------------------------------------ GitHub REST API

export interface Api {
  /** JSON in and out; `undefined` for a 404, an error for any other failure. */
  request<T>(method: string, route: string, body?: object): Promise<T | undefined>;
}

export function githubApi(options: { apiUrl: string; repository: string; token: string; fetch?: typeof fetch }): Api {
  const send = options.fetch ?? fetch;
  return {
    async request<T>(method: string, route: string, body?: object): Promise<T | undefined> {
      const response = await send(`${options.apiUrl}/repos/${options.repository}${route ? `/${route}` : ''}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (response.status === 404 && method === 'GET') return undefined;
      const text = await response.text();
      if (!response.ok) {
        let message = text;
        try {
          message = (JSON.parse(text) as { message?: string }).message ?? text;
        } catch {}
        const accepted = response.headers.get('x-accepted-github-permissions');
        const hint =
          response.status === 403
            ? ` (RELEASE_TOKEN needs Contents and Workflows read and write on this repository${accepted ? `; GitHub accepts ${accepted}` : ''})`
            : '';
        throw new Error(
          `GitHub API ${method} /repos/${options.repository}/${route}: ${response.status} ${message}${hint}`,
        );
      }
      return (text ? JSON.parse(text) : {}) as T;
    },
  };
}

interface Ref {
  ref: string;
  object: { sha: string; type: string };
}

interface GitCommit {
  sha: string;
  tree: { sha: string };
  parents: { sha: string }[];
}

/** The commit a tag ref resolves to (through an annotated tag object). */
async function peel(api: Api, ref: Ref): Promise<string> {
  let { sha, type } = ref.object;
  for (let depth = 0; type === 'tag' && depth < 5; depth++) {
    const tag = await api.request<{ object: { sha: string; type: string } }>('GET', `git/tags/${sha}`);
    if (!tag) break;
    ({ sha, type } = tag.object);
  }
  return sha;
}

/** Creates a ref, or moves it (force) when it exists. */
async function setRef(api: Api, ref: string, sha: string, exists: boolean): Promise<void> {
  if (exists) await api.request('PATCH', `git/${ref}`, { sha, force: true });
  else await api.request('POST', 'git/refs', { ref, sha });
}

export interface ReleaseInput {
  version: string;
  /** Move vX (and a taken vX.Y.Z tag) even backwards, and release a commit that is not on the default branch. */
  force: boolean;
  /** The commit being released (GITHUB_SHA). */
  sha: string;
  /** A checkout of that commit: CHANGELOG.md and the workflow files are read from it. */
  root: string;
  /** owner/repo being released (GITHUB_REPOSITORY): the name its workflows call their actions by. */
  repository: string;
  api: Api;
  log?: (line: string) => void;
}

export interface ReleaseResult {
  tag: string;
  majorTag: string;
  /** The release commit (parent: the released commit) that vX.Y.Z and vX point at. */
  commit: string;
  pinnedFiles: string[];
  releaseUrl: string;
  notes: string;
  /** The version vX pointed at before, when known. */
  previous?: string;
}

/**
 * Refuses (unless forced) a commit that the default branch does not contain: anyone who can push a tag could
 * otherwise release a branch nobody reviewed, and move vX for every consumer.
 */
async function checkOnDefaultBranch(api: Api, sha: string, force: boolean, log: (line: string) => void) {
  const repository = await api.request<{ default_branch?: string }>('GET', '');
  const branch = repository?.default_branch;
  if (!branch) throw new Error('GitHub API GET the repository: no default_branch in the answer');
  const comparison = await api.request<{ status?: string }>('GET', `compare/${encodeURIComponent(branch)}...${sha}`);
  // `behind` or `identical`: the branch contains the commit.
  if (comparison?.status === 'behind' || comparison?.status === 'identical') return;
  const how = comparison?.status ? `${comparison.status} from ${branch}` : `not comparable with ${branch}`;
  if (!force) {
    throw new ReleaseError(
      `commit ${sha} is not on the default branch ${branch} (it is ${how}); merge it into ${branch} and release that commit, or release with force`,
    );
  }
  log(`commit ${sha} is not on the default branch ${branch} (it is ${how}): released anyway (force)`);
}

export async function release(input: ReleaseInput): Promise<ReleaseResult> {
  const { api } = input;
  const log = input.log ?? (() => {});
  const version = parseVersion(input.version);
  const notes = changelogNotes(await readFile(path.join(input.root, 'CHANGELOG.md'), 'utf8'), version);
  const files = await pinnedFiles(input.root, version, input.repository);

  // Nothing is written before every check has passed.
  const existing = await api.request<{ html_url: string }>('GET', `releases/tags/${version.tag}`);
  if (existing)
    throw new ReleaseError(`${version.tag} is already released (${existing.html_url}); release a new version`);

  const tagRef = await api.request<Ref>('GET', `git/ref/tags/${version.tag}`);
  if (tagRef) {
    const at = await peel(api, tagRef);
    const commit = at === input.sha ? undefined : await api.request<GitCommit>('GET', `git/commits/${at}`);
    const ours = at === input.sha || commit?.parents.some((p) => p.sha === input.sha);
    if (!ours && !input.force) {
      throw new ReleaseError(
        `tag ${version.tag} already points at ${at}, not at the commit being released ${input.sha} (nor a release commit of it); delete the tag, or release with force`,
      );
    }
  }

  const majorRef = await api.request<Ref>('GET', `git/ref/tags/${version.majorTag}`);
  let previous: Version | undefined;
  if (majorRef) {
    const at = await peel(api, majorRef);
    const tags = (await api.request<Ref[]>('GET', `git/matching-refs/tags/${version.majorTag}.`)) ?? [];
    for (const ref of tags) {
      const name = ref.ref.replace(/^refs\/tags\//, '');
      if (!VERSION_RE.test(name) || (await peel(api, ref)) !== at) continue;
      const candidate = parseVersion(name);
      if (!previous || compareVersions(candidate, previous) > 0) previous = candidate;
    }
    if (previous && compareVersions(version, previous) < 0 && !input.force) {
      throw new ReleaseError(
        `${version.majorTag} points at ${previous.tag}, a later version than ${version.tag}: moving it back would downgrade every workflow at @${version.majorTag}; release with force to do it anyway`,
      );
    }
  }

  const source = await api.request<GitCommit>('GET', `git/commits/${input.sha}`);
  if (!source) throw new ReleaseError(`commit ${input.sha} is not in the repository; push it before releasing it`);
  await checkOnDefaultBranch(api, input.sha, input.force, log);
  const entries = [];
  for (const [file, text] of Object.entries(files)) {
    const blob = await api.request<{ sha: string }>('POST', 'git/blobs', { content: text, encoding: 'utf-8' });
    entries.push({ path: file, mode: '100644', type: 'blob', sha: blob?.sha });
    log(`${file}: our actions and workflows pinned to @${version.tag}`);
  }
  const tree = await api.request<{ sha: string }>('POST', 'git/trees', { base_tree: source.tree.sha, tree: entries });
  const commit = await api.request<{ sha: string }>('POST', 'git/commits', {
    message: `Release ${version.tag}\n\nThe workflows call our actions and workflows at @${version.tag}, the code of this release.\n`,
    tree: tree?.sha,
    parents: [input.sha],
  });
  const commitSha = commit?.sha ?? '';
  log(`Release commit ${commitSha} (parent ${input.sha})`);

  const tagObject = await api.request<{ sha: string }>('POST', 'git/tags', {
    tag: version.tag,
    message: `${version.tag}\n\n${notes}\n`,
    object: commitSha,
    type: 'commit',
  });
  await setRef(api, `refs/tags/${version.tag}`, tagObject?.sha ?? '', tagRef !== undefined);
  log(`Tagged ${version.tag}`);

  await setRef(api, `refs/tags/${version.majorTag}`, commitSha, majorRef !== undefined);
  log(`Moved ${version.majorTag} to ${version.tag}${previous ? ` (from ${previous.tag})` : ''}`);

  const created = await api.request<{ html_url: string }>('POST', 'releases', {
    tag_name: version.tag,
    name: version.tag,
    body: notes,
    // The latest release by date and version: a patch of an older major does not become "latest".
    make_latest: 'legacy',
  });
  log(`Released ${created?.html_url ?? version.tag}`);

  return {
    tag: version.tag,
    majorTag: version.majorTag,
    commit: commitSha,
    pinnedFiles: Object.keys(files),
    releaseUrl: created?.html_url ?? '',
    notes,
    ...(previous ? { previous: previous.tag } : {}),
  };
}

/** The workflow step: inputs from the environment, outputs to GITHUB_OUTPUT and the step summary. */
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const required = (name: string, fix: string): string => {
    const value = env[name];
    if (!value) throw new ReleaseError(`${name} is not set: ${fix}`);
    return value;
  };
  const runner = 'the runner sets it; run this script from release.yml';
  const repository = required('GITHUB_REPOSITORY', runner);
  const result = await release({
    version: env.VERSION ?? '',
    force: env.FORCE === 'true',
    sha: required('GITHUB_SHA', runner),
    root: env.GITHUB_WORKSPACE || process.cwd(),
    repository,
    api: githubApi({
      apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
      repository,
      token: required(
        'RELEASE_TOKEN',
        'add the repository secret RELEASE_TOKEN, a GitHub App or fine-grained token with Contents and Workflows read and write on this repository (GITHUB_TOKEN cannot tag a commit that changes workflows)',
      ),
    }),
    log: (line) => console.log(line),
  });
  if (env.GITHUB_OUTPUT) {
    const outputs = { tag: result.tag, commit: result.commit, 'release-url': result.releaseUrl };
    await appendFile(
      env.GITHUB_OUTPUT,
      Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
  }
  if (env.GITHUB_STEP_SUMMARY) {
    await appendFile(
      env.GITHUB_STEP_SUMMARY,
      `## ${result.tag}\n\n${result.notes}\n\nRelease commit \`${result.commit}\`; ${result.majorTag} moved${result.previous ? ` from ${result.previous}` : ''}. Pinned: ${result.pinnedFiles.join(', ') || 'nothing'}.\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.env).catch((error: unknown) => {
    if (error instanceof ReleaseError) console.log(`::error::${error.message.replaceAll('\n', '%0A')}`);
    else
      console.log(
        `::error::${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replaceAll('\n', '%0A'),
      );
    process.exitCode = 1;
  });
}
