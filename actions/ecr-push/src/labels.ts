/** The OCI annotations the action adds to every image it builds, unless the user's labels set them. */

export interface LabelContext {
  env: NodeJS.ProcessEnv;
  /** The first tag, taken as the image's version. */
  version: string;
  /** Now, epoch ms: the last resort for `created`. */
  now: number;
  /** The event payload (GITHUB_EVENT_PATH), for the commit's time. */
  event?: unknown;
}

export interface Label {
  key: string;
  value: string;
}

/**
 * When the image counts as created. A rebuild of the same commit must give the same labels, or the image
 * differs and a re-run cannot recognise the tags it already pushed; so: SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) if set, else the time of the commit that triggered the run, else now.
 */
export function createdTime(context: LabelContext): { value: string; from: string } {
  const epoch = context.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch))
    return { value: new Date(Number(epoch) * 1000).toISOString(), from: 'SOURCE_DATE_EPOCH' };
  const commitTime = eventCommitTime(context.event);
  if (commitTime !== undefined) return { value: commitTime, from: 'the commit time' };
  return { value: new Date(context.now).toISOString(), from: 'the build time' };
}

/** `head_commit.timestamp` of a push, or of the run that triggered a workflow_run. */
export function eventCommitTime(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const record = event as {
    head_commit?: { timestamp?: unknown };
    workflow_run?: { head_commit?: { timestamp?: unknown } };
  };
  const timestamp = record.head_commit?.timestamp ?? record.workflow_run?.head_commit?.timestamp;
  if (typeof timestamp !== 'string') return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function defaultLabels(context: LabelContext): Label[] {
  const labels: Label[] = [];
  const { GITHUB_SHA, GITHUB_SERVER_URL, GITHUB_REPOSITORY } = context.env;
  if (GITHUB_SHA) labels.push({ key: 'org.opencontainers.image.revision', value: GITHUB_SHA });
  if (GITHUB_SERVER_URL && GITHUB_REPOSITORY) {
    labels.push({
      key: 'org.opencontainers.image.source',
      value: `${GITHUB_SERVER_URL.replace(/\/+$/, '')}/${GITHUB_REPOSITORY}`,
    });
  }
  labels.push({ key: 'org.opencontainers.image.version', value: context.version });
  labels.push({ key: 'org.opencontainers.image.created', value: createdTime(context).value });
  return labels;
}

/** The defaults, then the user's labels; a user label replaces a default of the same key. */
export function imageLabels(user: readonly Label[], context: LabelContext): Label[] {
  const merged = new Map<string, string>();
  for (const { key, value } of defaultLabels(context)) merged.set(key, value);
  for (const { key, value } of user) merged.set(key, value);
  return [...merged].map(([key, value]) => ({ key, value }));
}
