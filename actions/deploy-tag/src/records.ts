/**
 * The deploy records an `ecs-deploy-<version>` tag carries: one tag per version, on the commit it was built from,
 * and in its message one JSON line per deploy of that version (environment, cluster, service, region, account,
 * image, task definition, run, actor, time), oldest first. People read the title and the lines; lookups parse them
 * strictly, since what they read back is deployed again: a field that fails its rule makes the whole tag unusable,
 * never guessed at.
 *
 * Each record says its format: format 1 (no "format" key, written before regions and actors were recorded) has no
 * region, account or actor; format 2 ("format": 2) must have region and actor. Records of both formats may share
 * one message (a version first deployed by an older deploy-tag); a format this code does not know is refused.
 * Format 3 ("format": 3) is one target of an application deploy (ecs-deploy-wait's app-file): format 2's fields plus
 * the application, the target's name in the app file and its kind; a service target names its service, a rule its
 * rule, a schedule its schedule (`group/name`), never another kind's. One deploy of an application writes one record
 * per target, all in the version's tag.
 */

/** The record formats this code reads; it writes the newest. */
export type RecordFormat = 1 | 2 | 3;
export const RECORD_FORMAT: RecordFormat = 2;
/** The format of an application deploy's records (one per target). */
export const APPLICATION_RECORD_FORMAT: RecordFormat = 3;

/** What an application target is (ecs-deploy-wait's app-file). */
export type TargetKind = 'service' | 'rule' | 'schedule';
export const TARGET_KINDS: readonly TargetKind[] = ['service', 'rule', 'schedule'];

/** One deploy of a version to one place. */
export interface DeployRecord {
  format: RecordFormat;
  environment: string;
  cluster: string;
  /** The ECS service (formats 1 and 2 always; format 3 when the target is a service). */
  service?: string;
  /** Format 3: the application (app file) this target belongs to, the target's name in it and its kind. */
  application?: string;
  target?: string;
  kind?: TargetKind;
  /** Format 3: the EventBridge rule of a rule target; the Scheduler schedule (`group/name`) of a schedule target. */
  rule?: string;
  schedule?: string;
  /** The AWS region deployed to (format 2; format 1: known only from an ARN, see regionOf). */
  region?: string;
  /** The AWS account deployed to (format 2, when known). */
  account?: string;
  image?: string;
  imageDigest?: string;
  taskDefinitionArn?: string;
  run?: string;
  /** Who started the run (GITHUB_ACTOR); format 2. */
  actor?: string;
  /** Who started this attempt, e.g. a re-run by another person (GITHUB_TRIGGERING_ACTOR); format 2. */
  triggeringActor?: string;
  /** ISO 8601; orders the deploys of one place. */
  time: string;
}

/**
 * Where a deploy goes: the records of the same place make up its history. Empty parts match any value; a record
 * whose region or account is unknown (format 1 without an ARN) matches any region or account, since a repository
 * deployed to one region only before regions were recorded.
 */
export interface Place {
  environment?: string;
  cluster?: string;
  service?: string;
  /**
   * An application (format 3 records): its records at the place, whichever target. With `service` too, that
   * service's single-service records (formats 1 and 2, before the application was deployed as one) count as well.
   */
  application?: string;
  region?: string;
  account?: string;
}

/** The JSON key of each record field, as people see it in the tag message. */
const KEYS = {
  environment: 'environment',
  cluster: 'cluster',
  service: 'service',
  region: 'region',
  account: 'account',
  image: 'image',
  imageDigest: 'image-digest',
  taskDefinitionArn: 'task-definition',
  run: 'run',
  actor: 'actor',
  triggeringActor: 'triggering-actor',
  time: 'time',
  application: 'application',
  target: 'target',
  kind: 'kind',
  rule: 'rule',
  schedule: 'schedule',
} as const satisfies Record<Exclude<keyof DeployRecord, 'format'>, string>;

export type RecordField = keyof typeof KEYS;

/** The fields each format has: required ones, and every one it may hold. */
const FORMAT_1: readonly RecordField[] = [
  'environment',
  'cluster',
  'service',
  'image',
  'imageDigest',
  'taskDefinitionArn',
  'run',
  'time',
];
const FORMAT_2: readonly RecordField[] = [...FORMAT_1, 'region', 'account', 'actor', 'triggeringActor'];
/** The field naming what a format 3 record's target is, by its kind. */
const RESOURCE_FIELD = { service: 'service', rule: 'rule', schedule: 'schedule' } as const satisfies Record<
  TargetKind,
  RecordField
>;
const FORMATS: Record<RecordFormat, { required: readonly RecordField[]; allowed: readonly RecordField[] }> = {
  1: { required: ['environment', 'cluster', 'service', 'time'], allowed: FORMAT_1 },
  2: { required: ['environment', 'cluster', 'service', 'region', 'actor', 'time'], allowed: FORMAT_2 },
  3: {
    required: ['environment', 'cluster', 'region', 'actor', 'time', 'application', 'target', 'kind'],
    allowed: [...FORMAT_2, 'application', 'target', 'kind', 'rule', 'schedule'],
  },
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ECS_NAME =
  /^(?:[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:(?:cluster|service)\/[A-Za-z0-9_/-]{1,512})$/;
// A Docker image reference: [host[:port]/]path[:tag][@sha256:digest], lower-case path components.
const IMAGE =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TASK_DEFINITION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/[A-Za-z0-9_-]{1,255}:[1-9]\d*$/;
/** An http(s) URL without spaces or control characters: a run's URL, an environment's URL. */
export const HTTP_URL = /^https?:\/\/[!-~]{1,2000}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
// A GitHub login (up to 39 letters, digits and hyphens; older accounts may have a hyphen where new ones may not) or
// an app's bot login (`github-actions[bot]`).
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?$/;
const LOGIN_EXPECTED = 'a GitHub login (letters, digits and hyphens, up to 39; or an app name[bot])';
// An application or target name of an app file; EventBridge rule names; Scheduler `group/name` (API references).
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const RULE = /^[.\-_A-Za-z0-9]{1,64}$/;
const SCHEDULE = /^[0-9a-zA-Z\-_.]{1,64}\/[0-9a-zA-Z\-_.]{1,64}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

interface FieldRule {
  /** What a valid value is, for an error: `an ECS cluster name or ARN`. */
  expected: string;
  test(value: string): boolean;
}

const textRule = (expected: string, pattern?: RegExp): FieldRule => ({
  expected,
  test: (value) => value.length > 0 && !CONTROL.test(value) && (pattern ? pattern.test(value) : true),
});

/** What each field may hold; the same rules check the action's inputs before writing and the tags when reading. */
export const FIELD_RULES: Record<RecordField, FieldRule> = {
  environment: {
    expected: 'a GitHub environment name: 1-255 characters, no control characters, no leading or trailing space',
    test: (value) => value.length <= 255 && value.trim() === value && textRule('').test(value),
  },
  cluster: textRule('an ECS cluster name (letters, digits, - and _, up to 255) or cluster ARN', ECS_NAME),
  service: textRule('an ECS service name (letters, digits, - and _, up to 255) or service ARN', ECS_NAME),
  image: textRule('an image reference such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:0.2601.3', IMAGE),
  imageDigest: textRule('an image digest sha256:<64 hex>', DIGEST),
  taskDefinitionArn: textRule(
    'a task definition revision ARN arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>',
    TASK_DEFINITION_ARN,
  ),
  region: textRule('an AWS region such as us-east-1', REGION),
  account: textRule('a 12-digit AWS account id', ACCOUNT),
  run: textRule('an http(s) URL without spaces', HTTP_URL),
  actor: textRule(LOGIN_EXPECTED, LOGIN),
  triggeringActor: textRule(LOGIN_EXPECTED, LOGIN),
  time: textRule('an ISO 8601 UTC time', TIME),
  application: textRule('an application name: 1-64 letters, digits, dots, hyphens and underscores', APP_NAME),
  target: textRule('a target name: 1-64 letters, digits, dots, hyphens and underscores', APP_NAME),
  kind: { expected: 'service, rule or schedule', test: (value) => (TARGET_KINDS as string[]).includes(value) },
  rule: textRule('an EventBridge rule name (up to 64 letters, digits, dots, hyphens and underscores)', RULE),
  schedule: textRule('a Scheduler schedule as group/name', SCHEDULE),
};

/** What a record's deploy went to: its service, or (format 3) its rule or schedule. */
export function resourceOf(record: DeployRecord): string {
  return record.service ?? record.rule ?? record.schedule ?? '';
}

/** The name of an ECS cluster or service given as a name or an ARN (`arn:…:cluster/prod` → `prod`). */
export function ecsName(value: string): string {
  return value.startsWith('arn:') ? (value.split('/').at(-1) ?? value) : value;
}

/** The region and account of an ECS ARN (`arn:aws:ecs:eu-west-1:123456789012:…`), if the value is one. */
export function arnLocation(value: string | undefined): { region: string; account: string } | undefined {
  const match = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):/.exec(value ?? '');
  // Only a region a record may hold: an ARN of another shape says nothing of where the deploy went.
  return match?.[1] && match[2] && REGION.test(match[1]) ? { region: match[1], account: match[2] } : undefined;
}

/** The ARNs a record holds, whose region and account are those of the deploy. */
const arnsOf = (record: DeployRecord) => [record.taskDefinitionArn, record.service, record.cluster];

/** An application's record, or (with the place's service) a single-service record of that service. */
function isOfApplication(record: DeployRecord, place: Place): boolean {
  if (!place.application) return !place.service || ecsName(record.service ?? '') === ecsName(place.service);
  if (record.application !== undefined) return record.application === place.application;
  return !!place.service && ecsName(record.service ?? '') === ecsName(place.service);
}

/** The region a deploy went to: recorded (format 2), else that of an ARN it recorded; undefined when unknown. */
export function regionOf(record: DeployRecord): string | undefined {
  return record.region ?? arnsOf(record).map(arnLocation).find(Boolean)?.region;
}

/** The account a deploy went to: recorded, else that of an ARN it recorded; undefined when unknown. */
export function accountOf(record: DeployRecord): string | undefined {
  return record.account ?? arnsOf(record).map(arnLocation).find(Boolean)?.account;
}

/**
 * Whether a record is a deploy to `place` (cluster and service compared by name, so an ARN matches its name). A
 * record of another region or account is never at the place; one whose region or account is unknown is.
 */
export function isAt(record: DeployRecord, place: Place): boolean {
  const same = (wanted: string | undefined, known: string | undefined) => !wanted || !known || wanted === known;
  return (
    (!place.environment || record.environment === place.environment) &&
    (!place.cluster || ecsName(record.cluster) === ecsName(place.cluster)) &&
    isOfApplication(record, place) &&
    same(place.region, regionOf(record)) &&
    same(place.account, accountOf(record))
  );
}

/** The line that starts the records in a tag message; every line after it is one record. */
const RECORDS_MARKER = 'deploys:';

/** The annotated tag message: a title for people, the version and commit, then one JSON line per deploy. */
export function formatTagMessage(version: string, commit: string, records: readonly DeployRecord[]): string {
  const last = records.at(-1);
  const title = last
    ? `Deploy ${version} to ${last.environment} (${[`${ecsName(last.cluster)}/${last.application ?? ecsName(resourceOf(last))}`, regionOf(last)].filter(Boolean).join(', ')})`
    : `Deploy ${version}`;
  const lines = records.map((record) => {
    // Format 1 records keep their shape (no "format" key) when a newer deploy is added beside them.
    const json: Record<string, string | number> = record.format === 1 ? {} : { format: record.format };
    for (const [field, key] of Object.entries(KEYS) as [RecordField, string][]) {
      const value = record[field];
      if (value !== undefined) json[key] = value;
    }
    return JSON.stringify(json);
  });
  return `${title}\n\nversion: ${version}\ncommit: ${commit}\n${RECORDS_MARKER}\n${lines.join('\n')}\n`;
}

export class RecordError extends Error {
  override readonly name = 'RecordError';
}

/**
 * The records of a tag message, or undefined when the message has none (a tag made by hand or by the hand-written
 * pipeline before: a legacy tag). Throws RecordError, naming the line, when a message with records breaks any
 * rule, or names another version or commit than the tag's.
 */
export function parseTagMessage(
  message: string,
  expected: { version: string; commit: string },
): DeployRecord[] | undefined {
  const lines = message.replace(/\n$/, '').split('\n');
  const marker = lines.indexOf(RECORDS_MARKER);
  if (marker < 0) return undefined;
  const header = new Map<string, string>();
  for (const [index, line] of lines.slice(0, marker).entries()) {
    const match = /^(version|commit): (.*)$/.exec(line);
    if (!match?.[1]) continue;
    if (header.has(match[1])) throw new RecordError(`line ${index + 1} repeats "${match[1]}:"`);
    header.set(match[1], match[2] ?? '');
  }
  if (header.get('version') !== expected.version) {
    throw new RecordError(`its "version:" line is not ${expected.version}`);
  }
  if (header.get('commit') !== expected.commit) {
    throw new RecordError(`its "commit:" line is not the commit the tag points at (${expected.commit})`);
  }
  const records: DeployRecord[] = [];
  for (const [offset, line] of lines.slice(marker + 1).entries()) {
    records.push(parseRecord(line, marker + offset + 2));
  }
  return records;
}

function parseRecord(line: string, lineNumber: number): DeployRecord {
  const fail = (why: string): never => {
    throw new RecordError(`the deploy record on line ${lineNumber} ${why}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    fail('is not JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return fail('is not a JSON object');
  const { format: givenFormat = 1, ...given } = json as Record<string, unknown>;
  if (givenFormat !== 1 && givenFormat !== 2 && givenFormat !== 3) {
    const shown = JSON.stringify(givenFormat).slice(0, 20);
    return fail(
      `has record format ${shown}, which this deploy-tag does not read (it reads 1, 2 and 3): a newer deploy-tag wrote it, or it was edited by hand. Use the deploy-tag version that wrote it`,
    );
  }
  const format: RecordFormat = givenFormat;
  const { required, allowed } = FORMATS[format];
  const fields = allowed.map((field) => [field, KEYS[field]] as const);
  const known = new Set<string>(fields.map(([, key]) => key));
  const unknown = Object.keys(given).find((key) => !known.has(key));
  if (unknown !== undefined) fail(`has an unknown field ${JSON.stringify(unknown)} for record format ${format}`);
  const record: Partial<DeployRecord> = { format };
  for (const [field, key] of fields) {
    const value = given[key];
    if (value === undefined) {
      if (required.includes(field)) fail(`has no "${key}" (record format ${format})`);
      continue;
    }
    if (typeof value !== 'string' || !FIELD_RULES[field].test(value)) {
      fail(`has an invalid "${key}": it must be ${FIELD_RULES[field].expected}`);
    }
    (record as Record<string, unknown>)[field] = value;
  }
  if (format === 3) {
    // A target names what it is, and only that: a rule record with a service would be read as that service's deploy.
    for (const [kind, field] of Object.entries(RESOURCE_FIELD)) {
      if (kind === record.kind && record[field] === undefined) fail(`is a ${kind} target but has no "${KEYS[field]}"`);
      if (kind !== record.kind && record[field] !== undefined)
        fail(`is a ${record.kind} target but has "${KEYS[field]}" (a ${kind} target's field)`);
    }
  }
  return record as DeployRecord;
}
