/**
 * The deploy history of one place (environment, cluster, service), from the records of every deploy tag: what runs
 * there now, and what a rollback goes back to.
 */
import { type DeployRecord, isAt, type Place } from './records.js';
import type { DeployTag } from './tags.js';
import { compareVersions } from './version.js';

/** A version deployed at the place: its tag and its newest record there; no record for a legacy tag. */
export interface PlaceDeploy {
  tag: DeployTag;
  record?: DeployRecord;
}

export interface PlaceHistory {
  /** What runs there now: the newest deploy there by time (or, with no records at all, the newest legacy tag). */
  current?: PlaceDeploy;
  /** What a rollback deploys: the highest version below current's that ran there (or a legacy tag). */
  previous?: PlaceDeploy;
}

/** The newest record of a tag at `place`, if any. */
export function newestRecordAt(tag: DeployTag, place: Place): DeployRecord | undefined {
  return tag.records
    ?.filter((record) => isAt(record, place))
    .sort(byTime)
    .at(-1);
}

/**
 * Legacy tags (no records, e.g. from the hand-written pipeline before) may have run at any place: they take part as
 * candidates, and the caller refuses to deploy one without an image. Versions that ran only elsewhere do not.
 * "Previous" goes down in version from what runs now, so rolling back twice goes back twice (never forward again to
 * the release a first rollback left).
 */
export function historyAt(tags: readonly DeployTag[], place: Place): PlaceHistory {
  const deploys: PlaceDeploy[] = [];
  for (const tag of tags) {
    if (tag.records === undefined) deploys.push({ tag });
    else {
      const record = newestRecordAt(tag, place);
      if (record) deploys.push({ tag, record });
    }
  }
  const recorded = deploys.filter((deploy) => deploy.record !== undefined);
  const byVersion = (a: PlaceDeploy, b: PlaceDeploy) => compareVersions(a.tag.version, b.tag.version);
  const current =
    recorded.length > 0
      ? recorded.sort((a, b) => byTime(a.record as DeployRecord, b.record as DeployRecord) || byVersion(a, b)).at(-1)
      : [...deploys].sort(byVersion).at(-1);
  if (!current) return {};
  const previous = deploys
    .filter((deploy) => compareVersions(deploy.tag.version, current.tag.version) < 0)
    .sort(byVersion)
    .at(-1);
  return { current, ...(previous ? { previous } : {}) };
}

/** Oldest record first. */
export function byTime(a: DeployRecord, b: DeployRecord): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
}
