import { markdownCode, markdownTable } from '@ecs-actions/core';
import type { EcrPushResult } from './ecr-push.js';
import { formatCounts, formatFinding, SEVERITY_ORDER } from './scan.js';

const ACTION_TEXT = { pushed: 'pushed', skipped: 'already there, skipped', moved: 'moved to this image' } as const;

/** The step summary: the outputs, what happened to each tag, and the scan when there was one. */
export function summaryMarkdown(result: EcrPushResult): string {
  const lines = [
    `### ecr-push ${markdownCode(result.image)}`,
    '',
    markdownTable(
      ['Output', 'Value'],
      [
        ['registry', markdownCode(result.registry)],
        ['repository-uri', markdownCode(result.repositoryUri)],
        ['image', markdownCode(result.image)],
        ['digest', markdownCode(result.digest)],
        ['image-with-digest', markdownCode(result.imageWithDigest)],
        ['tags', markdownCode(JSON.stringify(result.tags))],
      ],
    ),
    '',
    markdownTable(
      ['Tag', 'Result'],
      result.tagResults.map((tag) => [
        markdownCode(tag.tag),
        [
          ACTION_TEXT[tag.action],
          tag.previousDigest ? ` (was ${markdownCode(tag.previousDigest)})` : '',
          tag.via ? `, by ${tag.via === 'PutImage' ? 'ECR PutImage, no layers sent' : 'docker push'}` : '',
        ].join(''),
      ]),
    ),
  ];
  if (result.repositoryCreated) lines.push('', 'The repository was created by this step.');
  if (result.scan) {
    const severities = [
      ...SEVERITY_ORDER,
      ...Object.keys(result.scan.counts).filter((s) => !(SEVERITY_ORDER as readonly string[]).includes(s)),
    ];
    lines.push(
      '',
      `#### Image scan: ${result.scan.status}, ${formatCounts(result.scan.counts)}`,
      '',
      markdownTable(severities, [severities.map((severity) => String(result.scan?.counts[severity] ?? 0))]),
    );
    const top = result.scan.findings.slice(0, 10);
    if (top.length > 0) lines.push('', ...top.map((finding) => `- ${formatFinding(finding)}`));
  }
  if (result.failure) lines.push('', `**Failed:** ${result.failure.split('\n')[0]}`);
  return lines.join('\n');
}
