/**
 * `pnpm demo`: the CI → CD pipeline of an application repository that adopted our starter workflows, run from the
 * workflow files themselves on this machine (packages/pipeline-runner), against the embedded ECS/ECR/GitHub
 * simulator, and printed as GitHub would show it: each job and step, the version, the image and its digest, the
 * task definition diff, the rollout, the deploy tag; then a release whose containers crash, rolled back.
 *
 * With a Docker engine (as root, the harness starts a private dockerd and a local registry) the image is really
 * built and pushed; without one (or with ECS_ACTIONS_DEMO_NO_DOCKER=1), the demo says so and seeds the image into
 * the simulator's ECR instead.
 *
 * Every job summary of the four runs is written into one HTML page (scripts/demo-report), whose path it prints last:
 * `--report <file>` chooses it (default tmp/demo-report.html in the repository, which git ignores).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SPRING_BOOT_START_FAILURE, startSimulator } from '@ecs-actions/simulator';
import { type DockerServices, startDockerServices } from '@ecs-actions/simulator/docker';
import {
  type CiRun,
  createPipeline,
  type RunnerEvent,
  type StepRun,
  seededEcrPush,
  type WorkflowRun,
} from '../packages/pipeline-runner/src/index.js';
import { jobSummaries, writeReport } from './demo-report/index.js';

const root = path.resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({ options: { report: { type: 'string' } } });
const reportFile = options.report ?? path.join(root, 'tmp/demo-report.html');
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const green = paint('32');
const red = paint('31');
const yellow = paint('33');
const cyan = paint('36');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

function banner(text: string): void {
  console.log(`\n${bold(cyan(`━━ ${text} `.padEnd(100, '━')))}`);
}

/** A step's log as GitHub renders it: groups collapsed to their title, debug lines hidden, annotations marked. */
function render(log: string, keepGroups: RegExp): string[] {
  const lines: string[] = [];
  let inGroup: { title: string; keep: boolean } | undefined;
  for (const raw of log.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('::debug::') || line.startsWith('::add-mask::')) continue;
    const group = /^::group::(.*)$/.exec(line);
    if (group) {
      const title = group[1] ?? '';
      inGroup = { title, keep: keepGroups.test(title) };
      lines.push(`${inGroup.keep ? '▾' : '▸'} ${title}`);
      continue;
    }
    if (line.startsWith('::endgroup::')) {
      inGroup = undefined;
      continue;
    }
    if (inGroup && !inGroup.keep) continue;
    const command = /^::(error|warning|notice)(?: [^:]*)?::(.*)$/.exec(line);
    if (command) {
      const kind = command[1] ?? '';
      const text = (command[2] ?? '').replace(/%0A/g, '\n     ').replace(/%25/g, '%');
      lines.push(
        kind === 'error' ? red(`Error: ${text}`) : kind === 'warning' ? yellow(`Warning: ${text}`) : `Notice: ${text}`,
      );
      continue;
    }
    lines.push(inGroup ? `  ${line}` : line);
  }
  return lines;
}

const STEP_LOGS: { match: (step: StepRun) => boolean; groups: RegExp; limit: number }[] = [
  { match: (s) => s.uses?.includes('/headver@') === true, groups: /^$/, limit: 8 },
  { match: (s) => s.uses?.includes('/ecr-push@') === true, groups: /^$/, limit: 14 },
  { match: (s) => s.uses?.includes('/ecs-render-taskdef@') === true, groups: /diff|change/i, limit: 30 },
  { match: (s) => s.uses?.includes('/ecs-deploy-wait@') === true, groups: /stopped|event/i, limit: 70 },
  { match: (s) => s.uses?.includes('/deploy-tag@') === true, groups: /^$/, limit: 12 },
  {
    match: (s) => s.uses?.startsWith('aws-actions/') === true || s.uses?.includes('-artifact@') === true,
    groups: /^$/,
    limit: 3,
  },
];

function printStep(step: StepRun): void {
  const mark = step.conclusion === 'skipped' ? dim('○') : step.conclusion === 'success' ? green('✓') : red('✗');
  const name = step.conclusion === 'skipped' ? dim(`${step.name} (skipped)`) : step.name;
  console.log(`  ${mark} ${name}`);
  if (step.conclusion === 'skipped' || (step.post && step.outcome === 'success')) return;
  const wanted = STEP_LOGS.find((s) => s.match(step));
  if (!wanted && step.outcome === 'success') return;
  const lines = render(step.log, wanted?.groups ?? /^$/);
  const limit = wanted?.limit ?? 12;
  const shown = lines.length > limit ? [...lines.slice(0, limit), dim(`… ${lines.length - limit} more lines`)] : lines;
  for (const line of shown) console.log(`      ${dim('│')} ${line.replace(/\n/g, `\n      ${dim('│')} `)}`);
}

function onEvent(event: RunnerEvent): void {
  if (event.type === 'job-start') {
    const environment = event.environment ? dim(` · environment ${event.environment}`) : '';
    console.log(`\n${bold(`● job ${event.job}`)}${environment}`);
  } else if (event.type === 'step-end') {
    printStep(event.step);
  } else if (event.type === 'job-end') {
    const result =
      event.result === 'success' ? green('succeeded') : event.result === 'failure' ? red('failed') : dim('skipped');
    console.log(`  ${bold('job')} ${event.job} ${result} ${dim(`(at ${elapsed()})`)}`);
  }
}

function conclusion(run: WorkflowRun): string {
  return run.conclusion === 'success' ? green('✓ success') : red(`✗ ${run.conclusion}`);
}

async function startDocker(): Promise<{ services?: DockerServices; reason?: string }> {
  if (process.env.ECS_ACTIONS_DEMO_NO_DOCKER) return { reason: 'ECS_ACTIONS_DEMO_NO_DOCKER is set' };
  try {
    return { services: await startDockerServices({ startTimeoutMs: 30_000 }) };
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { reason: `no reachable Docker engine (${first})` };
  }
}

async function main(): Promise<void> {
  banner('ecs-actions demo: push → CI (build-push) → CD (deploy), then a release that crashes');
  console.log(
    dim('The workflows are the starter workflows of .github/workflow-templates, run from their YAML with the'),
  );
  console.log(dim('reusable build-push.yml and deploy.yml; AWS and GitHub are the embedded simulator (100x time).'));

  const docker = await startDocker();
  if (docker.services) console.log(`Docker: a private dockerd and a local registry at ${docker.services.registryUrl}`);
  else console.log(yellow(`Docker: ${docker.reason}. The image is seeded into the simulator's ECR instead of built.`));

  const sim = await startSimulator({
    timeScale: 100,
    ...(docker.services
      ? {
          registry: {
            url: docker.services.registryUrl,
            username: docker.services.username,
            password: docker.services.password,
          },
        }
      : {}),
  });
  try {
    const pipeline = await createPipeline({
      sim,
      root,
      ...(docker.services ? { dockerHost: docker.services.dockerHost } : {}),
      inputDefaults: { 'ecs-deploy-wait': { 'poll-interval': '1s' } },
      ...(docker.services
        ? {}
        : { standIns: { 'ecs-actions/ecs-actions/ecr-push': seededEcrPush(sim, docker.reason ?? 'no Docker') } }),
      onEvent,
    });
    console.log(
      `Service ${pipeline.service} in cluster ${pipeline.cluster} runs ${pipeline.initialTaskDefinitionArn.split('/').pop()}; ` +
        `repository ${pipeline.owner}/${pipeline.repo} at ${(await pipeline.app.head()).slice(0, 7)}.`,
    );

    banner('1. push to master → CI');
    const ci: CiRun = await pipeline.runCi();
    const built = ci.outputs['build-push'] ?? {};
    console.log(
      `\nCI ${conclusion(ci)} · version ${bold(built.version ?? '?')} · image ${built.image} · digest ${built.digest}`,
    );

    const next = await pipeline.push('Docs: README for the API', { 'README.md': '# octo-app\n' });
    console.log(
      dim(
        `\n(meanwhile master moved on to ${next.slice(0, 7)}: CD must deploy and tag ${ci.sha.slice(0, 7)}, what CI built)`,
      ),
    );

    banner('2. CI completed → CD (workflow_run)');
    const cd = await pipeline.runCd(ci);
    const tags = sim.github.tags(pipeline.owner, pipeline.repo);
    console.log(`\nCD ${conclusion(cd)} · ${JSON.stringify(cd.outputs.deploy)}`);
    for (const tag of tags) console.log(`tag ${bold(tag.name)} → ${tag.commit.slice(0, 7)}`);
    // ecs-render-taskdef looked the image up in ECR before anything was deployed.
    const verifiedDigest = cd.jobs
      .flatMap((j) => j.steps)
      .find((s) => s.uses?.includes('/ecs-render-taskdef@') && !s.post)?.outputs['image-digest'];
    const verified = verifiedDigest !== undefined && verifiedDigest === built.digest;
    console.log(
      verified
        ? `image ${built.image} verified in ECR by ecs-render-taskdef: ${verifiedDigest}`
        : red(`ecs-render-taskdef did not verify ${built.image} in ECR (image-digest ${verifiedDigest || 'empty'})`),
    );
    if (docker.services) {
      // What differs from GitHub + AWS, said where it shows (packages/simulator/src/ecr/README.md, limits).
      console.log(
        dim(
          `(Docker pushed it to the local registry ${docker.services.registryHost}, the simulator's ECR login endpoint; ` +
            "ECR names it by its ECR URI, and the simulator's ECR reads the registry to verify it)",
        ),
      );
    }

    banner('3. the next push builds an image whose container exits at start → CD rolls back');
    const ci2 = await pipeline.runCi();
    const broken = ci2.outputs['build-push']?.image ?? '';
    // What the app writes to CloudWatch Logs before it exits: ecs-deploy-wait's failure report shows these lines.
    sim.ecs.setImageScenario(
      broken,
      { kind: 'crash-on-start', exitCode: 1 },
      { logLines: [...SPRING_BOOT_START_FAILURE] },
    );
    console.log(
      dim(
        `\n(simulator: every task of ${broken} logs a Spring Boot start failure to CloudWatch Logs and exits with code 1 right after it starts)`,
      ),
    );
    const cd2 = await pipeline.runCd(ci2);
    console.log(`\nCD ${conclusion(cd2)} · ${JSON.stringify(cd2.outputs.deploy)}`);
    const after = sim.github.tags(pipeline.owner, pipeline.repo).map((t) => t.name);
    console.log(`deploy tags: ${after.join(', ')} (no tag for ${ci2.outputs['build-push']?.version})`);

    const report = await writeReport(reportFile, {
      title: 'ecs-actions demo: the job summaries',
      description:
        "What GitHub shows on each run's page of the demo: CI, CD, then CI and CD of a release that crashes and is rolled back.",
      summaries: [
        ...jobSummaries(`CI #${ci.runNumber}`, ci),
        ...jobSummaries(`CD #${cd.runNumber}`, cd),
        ...jobSummaries(`CI #${ci2.runNumber}`, ci2),
        ...jobSummaries(`CD #${cd2.runNumber} (rolled back)`, cd2),
      ],
    });

    banner(`done in ${elapsed()}`);
    console.log('Roll back by hand with the CD workflow\'s "Run workflow" (version: previous), see docs/setup.md.');
    console.log(`Every job summary of these runs, as GitHub shows them: ${bold(report)}`);
    if (ci.conclusion !== 'success' || cd.conclusion !== 'success' || !verified || cd2.conclusion !== 'failure') {
      process.exitCode = 1;
      console.log(red('The demo did not go as expected (see above).'));
    }
  } finally {
    await sim.close();
    await docker.services?.stop();
  }
}

await main();
