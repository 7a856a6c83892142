/**
 * History mode's job summary: per place a table of its newest deploys (when, version, who, how it ended, commit)
 * and one Mermaid gantt of them all, each version a bar from its deploy to the next one there (the current one to
 * now), a rollback drawn red. Record fields are data (an environment name may hold any printable text): every cell
 * goes through markdownText and every label through mermaidText.
 */
import { type GanttSection, markdownTable, markdownText, mermaidGantt } from '@ecs-actions/core';
import type { DeployTagResult, HistoryDeploy, PlaceDeploys } from './result.js';

const CHANGE_TEXT: Record<HistoryDeploy['change'], string> = {
  first: 'deployed (first deploy here)',
  newer: 'deployed (newer version)',
  rollback: 'deployed: rollback to an older version',
  redeploy: 'deployed again (same version)',
  failed: 'FAILED (its GitHub Deployment failed; not recorded)',
};

export function historyMarkdown(result: DeployTagResult, nowMs: number): string {
  const places = result.history ?? [];
  if (places.length === 0) {
    return '### Deploy history\n\nNo deploy is recorded for this environment, cluster and service.';
  }
  const parts = [`### Deploy history: ${places.length} place${places.length === 1 ? '' : 's'}`];
  for (const place of places) {
    parts.push('', `#### ${markdownText(placeName(place))}`, '');
    if (place.total > place.deploys.length) {
      parts.push(`The newest ${place.deploys.length} of ${place.total} deploys.`, '');
    }
    parts.push(
      markdownTable(
        ['When (UTC)', 'Version', 'Who', 'How it ended', 'Commit'],
        place.deploys.map((deploy) => [
          markdownText(deploy.time.replace('T', ' ').replace(/(\.\d+)?Z$/, '')),
          markdownText(deploy.version),
          markdownText(whoText(deploy)) + (deploy.run ? ` ([run](${linkTarget(deploy.run)}))` : ''),
          markdownText(`${CHANGE_TEXT[deploy.change]}${deploy.current ? '; runs there now' : ''}`),
          markdownText(deploy.sha.slice(0, 7)),
        ]),
      ),
    );
  }
  if (result.placesLeftOut) parts.push('', `${result.placesLeftOut} more places are not shown.`);
  parts.push('', mermaidGantt({ title: 'Deploys', axisFormat: '%m-%d %H:%M', sections: ganttSections(places, nowMs) }));
  return parts.join('\n');
}

/** `production: prod/web (us-east-1, 123456789012)` */
function placeName(place: PlaceDeploys): string {
  const where = [place.region, place.account].filter(Boolean).join(', ');
  return `${place.environment}: ${place.cluster}/${place.service}${where ? ` (${where})` : ''}`;
}

/** `octocat`, or `octocat (re-run by hubot)`; records written before actors were recorded name nobody. */
function whoText(deploy: HistoryDeploy): string {
  if (!deploy.actor) return 'not recorded';
  const rerun = deploy.triggeringActor && deploy.triggeringActor !== deploy.actor;
  return `${deploy.actor}${rerun ? ` (run by ${deploy.triggeringActor})` : ''}`;
}

/** A recorded run URL (http(s), printable, no spaces) with every character a link could end at percent-encoded. */
function linkTarget(url: string): string {
  return url.replace(
    /[()<>[\]"'`\\|]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** One section per place: each version a bar from its deploy to the next deploy there, or to now. */
function ganttSections(places: readonly PlaceDeploys[], nowMs: number): GanttSection[] {
  return places.map((place) => ({
    title: placeName(place),
    tasks: [...place.deploys].reverse().map((deploy, index, oldestFirst) => {
      const startMs = Date.parse(deploy.time);
      const next = oldestFirst[index + 1];
      return {
        label: `${deploy.version} by ${deploy.actor ?? 'unrecorded'}${deploy.change === 'rollback' || deploy.change === 'failed' ? `, ${deploy.change}` : ''}`,
        startMs,
        ...(deploy.change === 'failed' ? {} : { endMs: Math.max(startMs, next ? Date.parse(next.time) : nowMs) }),
        tags:
          deploy.change === 'failed'
            ? ['crit', 'milestone']
            : deploy.change === 'rollback'
              ? ['crit']
              : deploy.current
                ? ['active']
                : ['done'],
      };
    }),
  }));
}
