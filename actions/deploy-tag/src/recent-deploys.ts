/**
 * History mode (`version: history`): the newest deploys of each place that matches environment, cluster, service,
 * region and account (an input left empty matches any), read from the deploy records as the lookups read them.
 * Writes nothing. What each deploy did to its place (first, newer version, rollback, redeploy) comes from the deploy
 * before it there, in time.
 */
import type { DeployTagDeps } from './github.js';
import { byTime } from './history.js';
import type { HistoryInputs } from './inputs.js';
import { placeText } from './lookup.js';
import { accountOf, type DeployRecord, ecsName, isAt, regionOf } from './records.js';
import type { DeployTagResult, HistoryDeploy, PlaceDeploys } from './result.js';
import { type DeployTag, readAllDeployTags, repositoryOf } from './tags.js';
import { compareVersions } from './version.js';

/** The most places shown: a repository deployed to many is cut to those deployed to most recently. */
export const MAX_PLACES = 20;

interface PlacedRecord {
  tag: DeployTag;
  record: DeployRecord;
}

export async function recentDeploys(inputs: HistoryInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const tags = await readAllDeployTags(inputs, deps);
  const all = tags.flatMap((tag) => (tag.records ?? []).map((record) => ({ tag, record })));
  const matching = all.filter(({ record }) => isAt(record, inputs.place));
  const places = groupByPlace(matching)
    .map((records) => placeDeploys(records, inputs.count))
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
      `${matching.length} deploys recorded ${where} at ${places.length} place${places.length === 1 ? '' : 's'}; showing the newest ${inputs.count} of each.`,
    );
  }
  const newest = shown[0]?.deploys[0];
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

/** Records grouped by where they went: environment, cluster and service by name, region and account. */
function groupByPlace(records: readonly PlacedRecord[]): PlacedRecord[][] {
  const groups = new Map<string, PlacedRecord[]>();
  for (const placed of records) {
    const { record } = placed;
    const key = JSON.stringify([
      record.environment,
      ecsName(record.cluster),
      ecsName(record.service),
      regionOf(record) ?? '',
      accountOf(record) ?? '',
    ]);
    const group = groups.get(key) ?? [];
    group.push(placed);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A place's newest `count` deploys, newest first, each with what it changed there. */
function placeDeploys(records: PlacedRecord[], count: number): PlaceDeploys {
  const oldestFirst = [...records].sort((a, b) => byTime(a.record, b.record));
  const deploys = oldestFirst.map((placed, index) => historyDeploy(placed, oldestFirst[index - 1]));
  const newest = deploys.at(-1);
  if (newest) newest.current = true;
  const first = oldestFirst[0]?.record as DeployRecord;
  const region = regionOf(first);
  const account = accountOf(first);
  return {
    environment: first.environment,
    cluster: ecsName(first.cluster),
    service: ecsName(first.service),
    ...(region !== undefined ? { region } : {}),
    ...(account !== undefined ? { account } : {}),
    total: records.length,
    deploys: deploys.reverse().slice(0, count),
  };
}

function historyDeploy(placed: PlacedRecord, before: PlacedRecord | undefined): HistoryDeploy {
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

const newestTime = (place: PlaceDeploys) => place.deploys[0]?.time ?? '';
