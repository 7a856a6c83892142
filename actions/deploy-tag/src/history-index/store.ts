/**
 * The history index's storage on GitHub: a commit chain under a ref of its own, each commit's tree holding the index
 * file. Read in two requests (the ref, then the file at its commit through the contents API); appended with a ref update that is not
 * forced, which GitHub accepts only as a fast-forward from the commit the writer read: a compare-and-swap.
 */
import {
  type CallContext,
  call,
  type DeployTagDeps,
  explain,
  githubMessage,
  isRequestError,
  statusOf,
  withRetry,
} from '../github.js';
import { type RepoInputs, repositoryOf } from '../tags.js';
import { formatIndex, INDEX_FILE, type IndexContent, parseIndex } from './file.js';

/** The index of the deploy tags `<prefix><version>`, beside them: `refs/deploy-history/<prefix>index`. */
export function indexRef(prefix: string): string {
  return `refs/deploy-history/${prefix}index`;
}

export interface StoredIndex {
  /** The commit the ref pointed at when read: the base of the next append. Undefined: no index yet. */
  head?: string;
  content?: IndexContent;
}

export async function readIndex(inputs: RepoInputs, deps: DeployTagDeps): Promise<StoredIndex> {
  const ref = indexRef(inputs.prefix);
  const context: CallContext = { what: `read ${ref}`, permission: 'contents: read', repository: repositoryOf(inputs) };
  const repo = { owner: inputs.owner, repo: inputs.repo };
  let head: string;
  try {
    const found = await withRetry(
      () => deps.github.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repo, ref: ref.slice('refs/'.length) }),
      deps.sleep,
    );
    head = found.data.object.sha;
  } catch (error) {
    if (statusOf(error) === 404) return {};
    throw explain(error, context);
  }
  // The file at the ref's commit in one request (the raw media type: any size up to 100 MB, no blob sha needed).
  let text: string;
  try {
    const file = await withRetry(
      () =>
        deps.github.request('GET /repos/{owner}/{repo}/contents/{path}', {
          ...repo,
          path: INDEX_FILE,
          ref: head,
          headers: { accept: 'application/vnd.github.raw+json' },
        }),
      deps.sleep,
    );
    text = rawText(file.data);
  } catch (error) {
    if (statusOf(error) === 404) return { head };
    throw explain(error, context);
  }
  const content = parseIndex(text, inputs.prefix);
  return content ? { head, content } : { head };
}

/**
 * Writes `content` as the next commit after `base.head`: 'raced' when another run appended first (the ref moved:
 * 422 "Update is not a fast forward", or "Reference already exists" for the first commit). Returns the new head.
 */
export async function writeIndex(
  inputs: RepoInputs,
  deps: DeployTagDeps,
  base: StoredIndex,
  content: IndexContent,
  message: string,
): Promise<string | 'raced'> {
  const ref = indexRef(inputs.prefix);
  const context: CallContext = {
    what: `write ${ref}`,
    permission: 'contents: write',
    repository: repositoryOf(inputs),
  };
  const repo = { owner: inputs.owner, repo: inputs.repo };
  const tree = await call(deps, context, () =>
    deps.github.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repo,
      tree: [{ path: INDEX_FILE, mode: '100644', type: 'blob', content: formatIndex(content) }],
    }),
  );
  const commit = await call(deps, context, () =>
    deps.github.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repo,
      message,
      tree: tree.data.sha,
      parents: base.head ? [base.head] : [],
    }),
  );
  const sha = commit.data.sha;
  try {
    await withRetry<unknown>(
      () =>
        base.head
          ? deps.github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
              ...repo,
              ref: ref.slice('refs/'.length),
              sha,
              force: false,
            })
          : deps.github.request('POST /repos/{owner}/{repo}/git/refs', { ...repo, ref, sha }),
      deps.sleep,
    );
  } catch (error) {
    const lost =
      isRequestError(error) && error.status === 422 && /fast forward|already exists/i.test(githubMessage(error));
    if (lost) return 'raced';
    throw explain(error, context);
  }
  return sha;
}

/** The raw media type's body as Octokit hands it over: text, or bytes when the content type is not text. */
function rawText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  return '';
}
