/**
 * Lookup mode: what a redeploy or rollback deploys. `lookup: true` reads one version's tag and its record at the
 * place; `version: previous` reads the place's whole history and picks the deploy before the one that runs now.
 */
import { ConfigurationError } from '@ecs-actions/core';
import { deployTargets } from './application-lookup.js';
import type { DeployTagDeps } from './github.js';
import { historyAt, newestRecordAt, type PlaceDeploy } from './history.js';
import { readDeployHistory } from './history-index/sync.js';
import type { LookupInputs } from './inputs.js';
import { accountOf, type Place, regionOf } from './records.js';
import type { DeployRecordOutput, DeployTagResult } from './result.js';
import { readDeployTag, repositoryOf } from './tags.js';
import type { DeployVersion } from './version.js';

export async function lookupPrevious(inputs: LookupInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const where = placeText(inputs.place);
  const repository = repositoryOf(inputs);
  const { current, previous } = historyAt((await readDeployHistory(inputs, deps)).tags, inputs.place);
  if (!current) {
    throw new ConfigurationError(
      `version: previous found no deploy ${where} in the tags ${inputs.prefix}<version> of ${repository}, so there is no deployment to roll back to. Check the environment, cluster, service and prefix inputs, or deploy an explicit version.`,
    );
  }
  if (!previous) {
    throw new ConfigurationError(
      `version: previous found only ${current.tag.tag} deployed ${where} in ${repository}: there is no earlier deployment there to roll back to. Deploy an explicit version instead.`,
    );
  }
  deps.info?.(
    `Runs ${where} now: ${current.tag.tag} (${current.tag.sha}), deployed ${deployedBy(recordOutput(current))}; previous deploy there: ${previous.tag.tag} (${previous.tag.sha})${previous.record ? `, deployed ${deployedBy(recordOutput(previous))}` : ' (a legacy tag)'}.`,
  );
  return { ...lookedUp(previous), previous: recordOutput(previous), latest: recordOutput(current) };
}

/**
 * `version: current`: what runs at the place now (its newest deploy there), e.g. for CD to refuse deploying an older
 * build over it. Nothing deployed there is not an error (`found: false`).
 */
export async function lookupCurrent(inputs: LookupInputs, deps: DeployTagDeps): Promise<DeployTagResult> {
  const { current } = historyAt((await readDeployHistory(inputs, deps)).tags, inputs.place);
  if (!current) {
    deps.info?.(
      `Nothing deployed ${placeText(inputs.place)} in the tags ${inputs.prefix}<version> of ${repositoryOf(inputs)}.`,
    );
    return { mode: 'lookup', action: 'looked-up', tag: '', sha: '', version: '', created: false, found: false };
  }
  deps.info?.(`Runs ${placeText(inputs.place)} now: ${current.tag.tag} (${current.tag.sha}).`);
  return lookedUp(current);
}

/**
 * `lookup: true` with a version: its deploy tag, the commit it was built from and its newest record at the place.
 * No tag is not an error: a version CI built but never deployed has none yet (`found: false`).
 */
export async function lookupVersion(
  inputs: LookupInputs,
  version: DeployVersion,
  tag: string,
  deps: DeployTagDeps,
): Promise<DeployTagResult> {
  const found = await readDeployTag(inputs, deps, tag);
  if (!found) {
    deps.info?.(`No deploy tag ${tag} in ${repositoryOf(inputs)}: version ${version.text} has not been deployed.`);
    return {
      mode: 'lookup',
      action: 'looked-up',
      tag: '',
      sha: '',
      version: version.text,
      created: false,
      found: false,
    };
  }
  const record = newestRecordAt(found, inputs.place);
  const deploy: PlaceDeploy = { tag: found, ...(record ? { record } : {}) };
  const result = lookedUp(deploy);
  deps.info?.(
    `Deploy tag ${found.tag} is on commit ${found.sha}; ${
      found.records === undefined
        ? 'it records no deploys (a legacy tag)'
        : record
          ? `deployed ${placeText(inputs.place)} ${deployedBy(recordOutput(deploy))}`
          : `never deployed ${placeText(inputs.place)} (${found.records.length} deploy(s) elsewhere)`
    }.`,
  );
  return result;
}

function lookedUp(deploy: PlaceDeploy): DeployTagResult {
  const output = recordOutput(deploy);
  const targets = deployTargets(deploy);
  return {
    mode: 'lookup',
    action: 'looked-up',
    tag: output.tag,
    sha: output.sha,
    version: output.version,
    created: false,
    found: true,
    legacy: deploy.tag.records === undefined,
    deployedHere: deploy.record !== undefined,
    ...(output.image !== undefined ? { image: output.image } : {}),
    ...(output.imageDigest !== undefined ? { imageDigest: output.imageDigest } : {}),
    ...(output.taskDefinitionArn !== undefined ? { taskDefinitionArn: output.taskDefinitionArn } : {}),
    ...(output.actor !== undefined ? { actor: output.actor } : {}),
    ...(output.triggeringActor !== undefined ? { triggeringActor: output.triggeringActor } : {}),
    ...(output.region !== undefined ? { region: output.region } : {}),
    ...(output.account !== undefined ? { account: output.account } : {}),
    ...(targets ? { targets } : {}),
  };
}

export function recordOutput({ tag, record }: PlaceDeploy): DeployRecordOutput {
  const region = record && regionOf(record);
  const account = record && accountOf(record);
  return {
    tag: tag.tag,
    version: tag.version.text,
    sha: tag.sha,
    ...(record?.image !== undefined ? { image: record.image } : {}),
    ...(record?.imageDigest !== undefined ? { imageDigest: record.imageDigest } : {}),
    ...(record?.taskDefinitionArn !== undefined ? { taskDefinitionArn: record.taskDefinitionArn } : {}),
    ...(record?.actor !== undefined ? { actor: record.actor } : {}),
    ...(record?.triggeringActor !== undefined ? { triggeringActor: record.triggeringActor } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(account !== undefined ? { account } : {}),
    ...(record ? { time: record.time } : {}),
  };
}

/** `by octocat (re-run by hubot) in us-east-1 (123456789012) at <time>`: who deployed a record and where, for the log. */
export function deployedBy(output: DeployRecordOutput): string {
  const who = output.actor
    ? `by ${output.actor}${output.triggeringActor && output.triggeringActor !== output.actor ? ` (run by ${output.triggeringActor})` : ''}`
    : 'by an unrecorded actor';
  const where = output.region ? ` in ${output.region}${output.account ? ` (${output.account})` : ''}` : '';
  return `${who}${where}${output.time ? ` at ${output.time}` : ''}`;
}

/** `in production (prod/web, us-east-1)`, or `anywhere` when the lookup is not limited to a place. */
export function placeText(place: Place): string {
  const parts = [
    [place.cluster, place.application ?? place.service].filter(Boolean).join('/'),
    place.region,
    place.account,
  ]
    .filter(Boolean)
    .join(', ');
  if (!place.environment && !parts) return 'anywhere';
  return `${place.environment ? `in ${place.environment}` : 'in any environment'}${parts ? ` (${parts})` : ''}`;
}
