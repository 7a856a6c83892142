/**
 * History mode (`version: history`): the newest deploys of each place that matches environment, cluster, service,
 * region and account (an input left empty matches any), read from the deploy records as the lookups read them, with
 * the deploys that failed (failed-deploys.ts). Writes nothing. What each recorded deploy did to its place (first,
 * newer version, rollback, redeploy) comes from the recorded deploy before it there, in time.
 */
import { type FailedDeploy, readFailedDeploys } from './failed-deploys.js';
import type { DeployTagDeps } from './github.js';
import { byTime } from './history.js';
import { readDeployHistory } from './history-index/sync.js';
import type { HistoryInputs } from './inputs.js';
import { placeText } from './lookup.js';
import { accountOf, type DeployRecord, ecsName, isAt, regionOf, resourceOf } from './records.js';
import type { DeployTagResult, HistoryDeploy, PlaceDeploys } from './result.js';
import { type DeployTag, repositoryOf } from './tags.js';
import { compareVersions } from './version.js';

/** The most places shown: a repository deployed to many is cut to those deployed to most recently. */
export const MAX_PLACES = 20;

interface PlacedRecord {
  tag: DeployTag;
  record: DeployRecord;
}

export async function recentDeploys(inputs: HistoryInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const [{ tags }, failed] = await Promise.all([readDeployHistory(inputs, deps), readFailedDeploys(inputs, deps)]);
  const all = tags.flatMap((tag) => (tag.records ?? []).map((record) => ({ tag, record })));
  const matching = all.filter(({ record }) => isAt(record, inputs.place));
  const groups = new Map<string, { records: PlacedRecord[]; failed: FailedDeploy[] }>();
  const groupOf = (key: string) => {
    const group = groups.get(key) ?? { records: [], failed: [] };
    groups.set(key, group);
    return group;
  };
  for (const placed of matching) groupOf(placeKey(placeOfRecord(placed.record))).records.push(placed);
  for (const deploy of failed) {
    for (const key of failurePlaceKeys(deploy, matching)) groupOf(key).failed.push(deploy);
  }
  const places = [...groups.values()]
    .map((group) => placeDeploys(group.records, group.failed, inputs))
    .sort((a, b) => newestTime(b).localeCompare(newestTime(a)));
  const shown = places.slice(0, MAX_PLACES);
  const where = placeText(inputs.place);
  if (shown.length === 0) {
    const environments = [...new Set(all.map(({ record }) => record.environment))].sort();
    const known = environments.length > 0 ? ` The records name the environments ${environments.join(', ')}.` : '';
    deps.warning?.(
      `No deploy recorded ${where} in the tags ${inputs.prefix}<version> of ${repositoryOf(inputs)}.${known} Check the environment, cluster, service, region and prefix inputs.`,
    );
  } else {
    deps.info?.(
      `${matching.length} deploys recorded and ${failed.length} failed ${where}, at ${places.length} place${places.length === 1 ? '' : 's'}; showing the newest ${inputs.count} of each.`,
    );
  }
  const newest = shown[0]?.deploys.find((deploy) => deploy.current);
  return {
    mode: 'history',
    action: 'history',
    tag: newest?.tag ?? '',
    sha: newest?.sha ?? '',
    version: newest?.version ?? '',
    created: false,
    history: shown,
    ...(places.length > shown.length ? { placesLeftOut: places.length - shown.length } : {}),
  };
}

type PlaceOf = Omit<PlaceDeploys, 'total' | 'deploys'>;

/** Where a record went: cluster and service by name, region and account as known. */
function placeOfRecord(record: DeployRecord): PlaceOf {
  const region = regionOf(record);
  const account = accountOf(record);
  return {
    environment: record.environment,
    cluster: ecsName(record.cluster),
    // A rule or schedule of an application (format 3) is a place of its own, shown by its name.
    service: ecsName(resourceOf(record)),
    ...(region !== undefined ? { region } : {}),
    ...(account !== undefined ? { account } : {}),
  };
}

const placeKey = (place: PlaceOf) =>
  JSON.stringify([
    place.environment,
    ecsName(place.cluster),
    ecsName(place.service),
    place.region ?? '',
    place.account ?? '',
  ]);

/** A place's newest `count` deploys, recorded and failed, newest first; the newest recorded one runs there now. */
function placeDeploys(records: PlacedRecord[], failed: FailedDeploy[], inputs: HistoryInputs): PlaceDeploys {
  const oldestFirst = [...records].sort((a, b) => byTime(a.record, b.record));
  const recorded = oldestFirst.map((placed, index) => recordedDeploy(placed, oldestFirst[index - 1]));
  const current = recorded.at(-1);
  if (current) current.current = true;
  const failures = failed.map((deploy): HistoryDeploy => failedDeploy(deploy, inputs.prefix));
  const first = oldestFirst[0];
  const place = first ? placeOfRecord(first.record) : placeOfFailure(failed[0] as FailedDeploy);
  return {
    ...place,
    total: recorded.length + failures.length,
    deploys: [...recorded, ...failures].sort((a, b) => b.time.localeCompare(a.time)).slice(0, inputs.count),
  };
}

/**
 * Where a failed deploy is shown: a single-service deploy at its service; an application deploy (its Deployment names
 * the application, not its targets) at every target place its application's records show there, or, when none does
 * (its first deploy failed), at a place named by the application.
 */
function failurePlaceKeys(deploy: FailedDeploy, records: PlacedRecord[]): string[] {
  const own = placeKey(placeOfFailure(deploy));
  if (deploy.application === undefined) return [own];
  const failedAt = placeOfFailure(deploy);
  // A region or account the Deployment does not name is any (as isAtPlace reads it).
  const sameOr = (given: string | undefined, recorded: string | undefined) => given === undefined || given === recorded;
  const keys = new Set<string>();
  for (const { record } of records) {
    if (record.application !== deploy.application) continue;
    const place = placeOfRecord(record);
    const same =
      place.environment === failedAt.environment &&
      place.cluster === failedAt.cluster &&
      sameOr(failedAt.region, place.region) &&
      sameOr(failedAt.account, place.account);
    if (same) keys.add(placeKey(place));
  }
  return keys.size > 0 ? [...keys] : [own];
}

function placeOfFailure(deploy: FailedDeploy): PlaceOf {
  const { environment, cluster, service, application, region, account } = deploy;
  return {
    environment,
    cluster: ecsName(cluster),
    service: ecsName(service ?? application ?? ''),
    ...(region !== undefined ? { region } : {}),
    ...(account !== undefined ? { account } : {}),
  };
}

function recordedDeploy(placed: PlacedRecord, before: PlacedRecord | undefined): HistoryDeploy {
  const { tag, record } = placed;
  const order = before ? compareVersions(tag.version, before.tag.version) : 1;
  return {
    version: tag.version.text,
    tag: tag.tag,
    sha: tag.sha,
    time: record.time,
    change: !before ? 'first' : order > 0 ? 'newer' : order < 0 ? 'rollback' : 'redeploy',
    current: false,
    ...(record.actor !== undefined ? { actor: record.actor } : {}),
    ...(record.triggeringActor !== undefined ? { triggeringActor: record.triggeringActor } : {}),
    ...(record.image !== undefined ? { image: record.image } : {}),
    ...(record.taskDefinitionArn !== undefined ? { taskDefinitionArn: record.taskDefinitionArn } : {}),
    ...(record.run !== undefined ? { run: record.run } : {}),
  };
}

function failedDeploy(deploy: FailedDeploy, prefix: string): HistoryDeploy {
  return {
    version: deploy.version,
    tag: `${prefix}${deploy.version}`,
    sha: deploy.sha,
    time: deploy.time,
    change: 'failed',
    current: false,
    ...(deploy.actor !== undefined ? { actor: deploy.actor } : {}),
    ...(deploy.triggeringActor !== undefined ? { triggeringActor: deploy.triggeringActor } : {}),
    ...(deploy.run !== undefined ? { run: deploy.run } : {}),
  };
}

const newestTime = (place: PlaceDeploys) => place.deploys[0]?.time ?? '';
