import {
  ECS_ACTIONS_VERSION,
  InputReader,
  log,
  markdownCode,
  markdownTable,
  runAction,
  setOutputs,
  systemClock,
  writeSummary,
} from '@ecs-actions/core';
import { Octokit } from '@octokit/core';
import { type DeployRecordOutput, type DeployTagResult, deployTag } from './deploy-tag.js';
import { fetchWithTimeout } from './github.js';
import { historyMarkdown } from './history-summary.js';
import { readDeployTagInputs } from './inputs.js';

await runAction({
  async main() {
    const reader = new InputReader();
    // Before anything can fail: an error about another input must not show the token either.
    log.maskSecret(reader.raw('github-token'));
    const inputs = readDeployTagInputs(reader);
    const github = new Octokit({
      auth: inputs.token,
      baseUrl: (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
      userAgent: `ecs-actions/deploy-tag ${ECS_ACTIONS_VERSION}`,
      request: { fetch: fetchWithTimeout() },
    });
    const result = await deployTag(inputs, { github, clock: systemClock, info: log.info, warning: log.warning });
    setOutputs(outputsOf(result));
    if (result.mode === 'history') {
      const places = result.history ?? [];
      log.notice(
        places.length > 0
          ? `${places.length} place(s); newest deploy: ${result.version} (${result.tag})`
          : 'No deploy recorded at this place',
        { title: 'Deploy history' },
      );
      writeSummary(historyMarkdown(result, systemClock.now()));
      return;
    }
    if (result.mode === 'list') {
      log.notice(`The deploy tags record ${result.taskDefinitionArns?.length ?? 0} task definitions`, {
        title: 'Recorded task definitions',
      });
    } else if (result.mode === 'deployment') {
      log.notice(`Deployment ${result.deploymentId} of ${result.version}: ${result.action}`, { title: 'Deployment' });
    } else if (result.mode === 'lookup' && inputs.mode === 'lookup' && inputs.version) {
      log.notice(
        result.found
          ? `${result.tag} records ${result.version} on ${result.sha.slice(0, 7)}${result.image ? `, image ${result.image}` : ''}${whoAndWhere(result)}`
          : `No deploy tag ${inputs.tag}: ${inputs.version.text} has not been deployed`,
        { title: 'Deploy lookup' },
      );
    } else if (inputs.mode === 'lookup' && inputs.current) {
      // What runs there now is a fact the caller acts on, not news: a log line, no notice.
      log.info(result.found ? `Current deploy: ${result.version} (${result.tag})` : 'Current deploy: none');
    } else if (result.mode === 'lookup') {
      log.notice(
        `Previous deploy: ${result.version} (${result.tag}, ${result.sha.slice(0, 7)})${result.image ? `, image ${result.image}` : ''}${whoAndWhere(result)}; latest: ${result.latest?.version}${result.latest ? whoAndWhere(result.latest) : ''}`,
        { title: 'Rollback target' },
      );
    } else {
      log.notice(`${result.tag} ${result.action} on ${result.sha.slice(0, 7)} (${result.shaSource})`, {
        title: 'Deploy tag',
      });
    }
    writeSummary(summaryOf(result));
  },
});

/** `, deployed by octocat in us-east-1`: who deployed a looked-up record and where, when it says. */
function whoAndWhere(record: DeployRecordOutput): string {
  const parts = [record.actor ? `by ${record.actor}` : '', record.region ? `in ${record.region}` : ''].filter(Boolean);
  return parts.length > 0 ? `, deployed ${parts.join(' ')}` : '';
}

function outputsOf(result: DeployTagResult): Record<string, string> {
  return {
    tag: result.tag,
    sha: result.sha,
    created: String(result.created),
    found: result.found === undefined ? '' : String(result.found),
    'deployed-here': result.deployedHere === undefined ? '' : String(result.deployedHere),
    legacy: result.legacy === undefined ? '' : String(result.legacy),
    version: result.version,
    image: result.image ?? '',
    'image-digest': result.imageDigest ?? '',
    'task-definition-arn': result.taskDefinitionArn ?? '',
    actor: result.actor ?? '',
    'triggering-actor': result.triggeringActor ?? '',
    region: result.region ?? '',
    account: result.account ?? '',
    'previous-tag': result.previous?.tag ?? '',
    'previous-version': result.previous?.version ?? '',
    'previous-sha': result.previous?.sha ?? '',
    'previous-image': result.previous?.image ?? '',
    'latest-tag': result.latest?.tag ?? '',
    'latest-version': result.latest?.version ?? '',
    'deployment-id': result.deploymentId === undefined ? '' : String(result.deploymentId),
    'task-definition-arns': (result.taskDefinitionArns ?? []).join('\n'),
    history: result.history ? JSON.stringify(result.history) : '',
    targets: result.targets ? JSON.stringify(result.targets) : '',
  };
}

function summaryOf(result: DeployTagResult): string {
  const code = (value: string | undefined) => (value ? markdownCode(value) : '');
  // A row with nothing to say (a legacy record has no actor or region) is left out rather than shown empty.
  const known = (table: string[][]) => table.filter(([, value]) => value !== '');
  const rows: string[][] = [
    ['tag', code(result.tag)],
    ['commit', code(result.sha)],
    ['version', code(result.version)],
    ['image', code(result.image)],
    ['image digest', code(result.imageDigest)],
    ['task definition', code(result.taskDefinitionArn)],
    ['deployed by', code([result.actor, result.triggeringActor].filter(Boolean).join(', run by '))],
    ['region', code([result.region, result.account].filter(Boolean).join(', account '))],
  ];
  if (result.mode === 'list') {
    const arns = result.taskDefinitionArns ?? [];
    return [
      `### Task definitions the deploy tags record: ${arns.length}`,
      '',
      ...arns.map((arn) => `- ${code(arn)}`),
    ].join('\n');
  }
  if (result.mode === 'deployment') {
    return `### Deployment ${result.deploymentId}: ${result.action === 'deployment-started' ? 'in progress' : 'failure'}\n\nVersion ${code(result.version)}.`;
  }
  if (result.mode === 'lookup' && result.found === false) {
    // `version: current` at a place nothing was deployed to yet has no version to name.
    return result.version
      ? `### ${code(result.version)} not deployed\n\nNo deploy tag records this version.`
      : '### Nothing deployed here yet\n\nNo deploy tag records a deploy to this cluster and service.';
  }
  if (result.mode === 'lookup' && !result.latest) {
    rows.push(['ran here', result.legacy ? 'unknown (legacy tag, no deploy records)' : String(result.deployedHere)]);
    return [`### Deploy of ${code(result.version)}`, '', markdownTable(['', ''], known(rows))].join('\n');
  }
  if (result.mode === 'lookup') {
    rows.push(['rolling back from', code(result.latest ? `${result.latest.tag} (${result.latest.sha})` : '')]);
    return [`### Rollback target ${code(result.version)}`, '', markdownTable(['', ''], known(rows))].join('\n');
  }
  rows.push(['commit from', result.shaSource ?? '']);
  if (result.movedFrom) rows.push(['moved from', code(result.movedFrom)]);
  rows.push(['previous deploy here', code(result.previous ? `${result.previous.tag} (${result.previous.sha})` : '')]);
  if (result.deploymentId !== undefined) rows.push(['deployment', String(result.deploymentId)]);
  return [`### Deploy tag ${code(result.tag)} ${result.action}`, '', markdownTable(['', ''], known(rows))].join('\n');
}
