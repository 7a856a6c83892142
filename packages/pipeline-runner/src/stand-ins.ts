/**
 * Small local equivalents of the third-party actions our workflows use, at the releases .github/action-pins.yml
 * lists (the inputs they declare are in third-party-inputs.ts). Each does what the workflows rely on, and fails where
 * the real one would (a missing `id-token: write`, an artifact that is not there, a second artifact of one name), so
 * that a workflow bug shows up locally:
 * - actions/checkout v7: clones the local application repository and checks out the requested ref or sha;
 * - aws-actions/configure-aws-credentials v6: checks the OIDC prerequisites and its YAML 1.2 booleans, and exports
 *   the simulator's credentials;
 * - actions/upload-artifact v7: stores files as an artifact of the current run on the GitHub side, once per name;
 * - actions/download-artifact v8: lists a run's artifacts over the GitHub REST API, downloads the zip and unpacks it;
 * - actions/setup-java v5: checks its inputs and the build files its cache is keyed by, as the real one does, but
 *   installs no JDK (the build commands of the tests need none).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Simulator } from '@ecs-actions/simulator';
import { unsafePrCheckoutProblem } from './checkout-guard.js';
import { permissionLevel } from './permissions.js';
import type { StandIn, StandInContext } from './runner-types.js';
import { unzip } from './unzip.js';

const exec = promisify(execFile);

export type { StandIn, StandInContext, StandInResult } from './runner-types.js';

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd });
  return stdout.trim();
}

/**
 * actions/checkout v7: `ref` (branch, tag or sha; default github.sha as the real action does for these events); a
 * fork's pull request code by ref in a workflow_run or pull_request_target workflow is refused (checkout-guard.ts).
 */
export const checkout: StandIn = async ({ inputs, workspace, trigger, runner }) => {
  const unsafe = unsafePrCheckoutProblem({ inputs, trigger, runner });
  if (unsafe) return { error: unsafe };
  const ref = inputs.ref || trigger.sha;
  // A second checkout in the job reuses the repository as the real action does: fetched, cleaned (clean: true), and
  // the ref checked out over what the first one left.
  const again = existsSync(path.join(workspace, '.git'));
  if (again) await git(workspace, 'fetch', '--quiet', 'origin');
  else await git(workspace, 'clone', '--quiet', '--no-checkout', runner.appRepoDir, '.');
  const sha = await git(workspace, 'rev-parse', '--verify', `${ref}^{commit}`).catch(() => '');
  if (!sha) return { error: `A branch or tag with the name '${ref}' could not be found` };
  if (again) await git(workspace, 'clean', '-ffdxq');
  await git(workspace, 'checkout', '--quiet', '--force', '--detach', sha);
  return { log: `Checked out ${runner.owner}/${runner.repo} at ${sha} (ref ${ref})\n`, outputs: { ref, commit: sha } };
};

/**
 * The default `sub` claim of the job's OIDC token (GitHub docs, "OpenID Connect reference", filtering by
 * environment / branch / pull request): the environment wins over the ref.
 */
export function oidcSubject(context: Pick<StandInContext, 'environment' | 'trigger' | 'runner'>): string {
  const repository = `repo:${context.runner.owner}/${context.runner.repo}`;
  if (context.environment) return `${repository}:environment:${context.environment}`;
  if (context.trigger.eventName === 'pull_request') return `${repository}:pull_request`;
  return `${repository}:ref:${context.trigger.ref ?? 'refs/heads/master'}`;
}

/** configure-aws-credentials v6's boolean inputs: read as YAML 1.2 core-schema booleans (src/helpers.ts). */
const AWS_CREDENTIALS_BOOLEANS = [
  'overwrite-aws-profile',
  'mask-aws-account-id',
  'role-skip-session-tagging',
  'role-chaining',
  'output-credentials',
  'output-env-credentials',
  'unset-current-credentials',
  'disable-retry',
  'special-characters-workaround',
  'force-skip-oidc',
];
const YAML_12_BOOLEANS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ''];

/** aws-actions/configure-aws-credentials v6 with role-to-assume through GitHub OIDC. */
export const configureAwsCredentials: StandIn = async ({ inputs, permissions, runner, environment, trigger }) => {
  const region = inputs['aws-region'] ?? '';
  const role = inputs['role-to-assume'] ?? '';
  if (!region) return { error: 'Input required and not supplied: aws-region' };
  for (const name of AWS_CREDENTIALS_BOOLEANS) {
    if (!YAML_12_BOOLEANS.includes(inputs[name] ?? '')) {
      return {
        error: `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\nSupport boolean input list: \`true | True | TRUE | false | False | FALSE\``,
      };
    }
  }
  if (!/^[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-\d$/.test(region)) return { error: `Region is not valid: ${region}` };
  if (!role) return { error: 'Credentials could not be loaded, please check your action inputs: no role-to-assume' };
  if (!/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(role)) {
    return { error: `Could not assume role with OIDC: ${role} is not a role ARN` };
  }
  // The OIDC token request needs ACTIONS_ID_TOKEN_REQUEST_URL, which GitHub only sets with `id-token: write`.
  if (permissionLevel(permissions, 'id-token') !== 'write') {
    return {
      error:
        'Could not assume role with OIDC: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable (the job needs permissions: id-token: write)',
    };
  }
  const subject = oidcSubject({ runner, trigger, ...(environment ? { environment } : {}) });
  const trusted = runner.aws.trustedSubjects;
  if (trusted && !trusted.includes(subject)) {
    // STS's answer when the trust policy's conditions do not match the token.
    return {
      error: `Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity (token subject ${subject})`,
    };
  }
  return {
    outputs: { 'aws-account-id': runner.aws.accountId },
    env: {
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      ...runner.aws.credentials,
    },
    log: `Assuming role ${role} with OIDC (subject ${subject})\nAuthenticated as assumedRoleId AROA0000SIMULATOR:GitHubActions\n`,
  };
};

async function collectFiles(root: string, base: string, into: Record<string, string>): Promise<void> {
  const info = await stat(root);
  if (info.isDirectory()) {
    for (const entry of await readdir(root)) await collectFiles(path.join(root, entry), base, into);
  } else {
    into[path.relative(base, root) || path.basename(root)] = await readFile(root, 'utf8');
  }
}

/**
 * actions/upload-artifact v7: `name`, `path` (files or folders, one a line), `if-no-files-found`, `overwrite` (else a
 * second artifact of the name in the run fails, as the service refuses it), `archive: false` (one file, named by it).
 */
export const uploadArtifact: StandIn = async ({ inputs, workspace, trigger, runner }) => {
  let name = inputs.name || 'artifact';
  const files: Record<string, string> = {};
  for (const line of (inputs.path ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const full = path.resolve(workspace, line);
    const exists = await stat(full).catch(() => undefined);
    if (!exists) continue;
    await collectFiles(full, exists.isDirectory() ? full : path.dirname(full), files);
  }
  if (Object.keys(files).length === 0) {
    const message = `No files were found with the provided path: ${inputs.path}. No artifacts will be uploaded.`;
    const mode = inputs['if-no-files-found'] || 'warn';
    if (mode === 'error') return { error: message };
    return { log: `${mode === 'warn' ? 'Warning: ' : ''}${message}\n` };
  }
  if (inputs.archive === 'false') {
    const only = Object.keys(files);
    if (only.length !== 1) {
      return {
        error: `archive: false uploads exactly one file, and the path matched ${only.length}: ${only.join(', ')}`,
      };
    }
    name = path.basename(only[0] ?? name);
  }
  try {
    runner.uploadArtifact({
      runId: trigger.runId,
      name,
      files,
      headSha: trigger.sha,
      overwrite: inputs.overwrite === 'true',
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return {
    log: `Uploaded artifact ${name} of run ${trigger.runId}: ${Object.keys(files).join(', ')}\n`,
    outputs: { 'artifact-id': '' },
  };
};

/**
 * actions/download-artifact v8: `name`, `path`, `run-id` + `github-token` (another run), `repository`,
 * `digest-mismatch` (checked for its values; the simulator's zips always match their digest).
 */
export const downloadArtifact: StandIn = async ({ inputs, workspace, trigger, token, permissions, runner }) => {
  const name = inputs.name ?? '';
  const runId = inputs['run-id'] || String(trigger.runId);
  const repository = inputs.repository || `${runner.owner}/${runner.repo}`;
  const auth = inputs['github-token'] || token;
  const digestMismatch = inputs['digest-mismatch'] || 'error';
  if (!['ignore', 'info', 'warn', 'error'].includes(digestMismatch)) {
    return { error: `Invalid value for digest-mismatch: ${digestMismatch}. Must be one of: ignore, info, warn, error` };
  }
  if (inputs['run-id'] && !inputs['github-token']) {
    return { error: 'github-token is required when run-id is given (downloading from another run)' };
  }
  if (permissionLevel(permissions, 'actions') === 'none') {
    return { error: 'Resource not accessible by integration (the job needs permissions: actions: read)' };
  }
  const headers = { authorization: `Bearer ${auth}`, accept: 'application/vnd.github+json' };
  const list = await fetch(
    `${runner.apiUrl}/repos/${repository}/actions/runs/${runId}/artifacts?name=${encodeURIComponent(name)}`,
    { headers },
  );
  if (!list.ok) return { error: `Listing the artifacts of run ${runId} failed: HTTP ${list.status}` };
  const body = (await list.json()) as { artifacts: { id: number; name: string }[] };
  const artifact = body.artifacts.find((a) => a.name === name);
  if (!artifact) return { error: `Unable to download artifact(s): Artifact not found for name: ${name}` };
  const zip = await fetch(`${runner.apiUrl}/repos/${repository}/actions/artifacts/${artifact.id}/zip`, { headers });
  if (!zip.ok) return { error: `Downloading artifact ${name} failed: HTTP ${zip.status}` };
  const target = path.resolve(workspace, inputs.path || '.');
  const files = unzip(Buffer.from(await zip.arrayBuffer()));
  for (const [file, content] of Object.entries(files)) {
    const out = path.join(target, file);
    if (!out.startsWith(target + path.sep)) return { error: `artifact entry ${file} escapes the download path` };
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, content);
  }
  return {
    outputs: { 'download-path': target },
    log: `Downloaded artifact ${name} (id ${artifact.id}) of run ${runId} to ${target}: ${Object.keys(files).join(', ')}\n`,
  };
};

/** setup-java v5's distributions (src/distributions/distribution-factory.ts). */
export const JAVA_DISTRIBUTIONS = [
  'adopt',
  'adopt-hotspot',
  'adopt-openj9',
  'temurin',
  'zulu',
  'liberica',
  'jdkfile',
  'microsoft',
  'semeru',
  'corretto',
  'oracle',
  'dragonwell',
  'sapmachine',
  'graalvm',
  'graalvm-community',
  'jetbrains',
  'kona',
] as const;

/** The files setup-java's cache key hashes, per build tool (src/cache.ts), as patterns on workspace-relative paths. */
const JAVA_CACHE_FILES: Record<string, RegExp[]> = {
  gradle: [/(^|\/)[^/]*\.gradle[^/]*$/, /(^|\/)gradle-wrapper\.properties$/, /^gradle\/[^/]*\.versions\.toml$/],
  maven: [/(^|\/)pom\.xml$/, /(^|\/)\.mvn\/wrapper\/maven-wrapper\.properties$/],
  sbt: [/(^|\/)[^/]*\.sbt$/, /(^|\/)project\/build\.properties$/],
};

async function workspaceFiles(root: string, dir = root): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await workspaceFiles(root, full)));
    else found.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return found;
}

/**
 * actions/setup-java v5: `java-version` (or `java-version-file`), `distribution` (required with them), `cache`
 * (gradle, maven, sbt: fails when no file of that build tool is in the workspace, as the real action's cache key
 * does). Installs nothing: it says so, and sets no JAVA_HOME.
 */
export const setupJava: StandIn = async ({ inputs, workspace }) => {
  const version = (inputs['java-version'] ?? '').trim();
  const distribution = inputs.distribution ?? '';
  const cache = inputs.cache ?? '';
  if (!version && !inputs['java-version-file']) return { error: 'java-version or java-version-file input expected' };
  if (!distribution) return { error: 'distribution input is required' };
  if (!(JAVA_DISTRIBUTIONS as readonly string[]).includes(distribution)) {
    return { error: `No supported distribution was found for input ${distribution}` };
  }
  let log = `Java ${version || `from ${inputs['java-version-file']}`} (${distribution}): not installed here, the local runner has no JDK to set up\n`;
  const outputs: Record<string, string> = { distribution, version, path: '', 'cache-hit': 'false' };
  if (cache) {
    const patterns = JAVA_CACHE_FILES[cache];
    if (!patterns) return { error: `unknown package manager specified: ${cache}` };
    const keyed = (await workspaceFiles(workspace)).filter((file) => patterns.some((p) => p.test(file)));
    if (keyed.length === 0) {
      return {
        error: `No file in ${workspace} matched to [${patterns.join(',')}], make sure you have checked out the target repository`,
      };
    }
    log += `${cache} cache keyed by ${keyed.sort().join(', ')}: not restored here\n`;
    outputs['cache-primary-key'] = `setup-java-Linux-x64-${cache}-local`;
  }
  return { outputs, log };
};

/** Without Docker: ecr-push's place is taken by seeding the image into the simulator's ECR. */
export function seededEcrPush(sim: Simulator, reason: string): StandIn {
  return async ({ inputs, env, runner }) => {
    const repository = inputs.repository ?? '';
    const tags = (inputs.tags ?? 'latest')
      .split(/[\n,]/)
      .map((t) => t.trim())
      .filter(Boolean);
    const digest = sim.ecr.seedImage({ repositoryName: repository, tags });
    const registry = `${runner.aws.accountId}.dkr.ecr.${env.AWS_REGION}.amazonaws.com`;
    const uri = `${registry}/${repository}`;
    return {
      log: `::warning::ecr-push skipped: ${reason}. Seeded ${uri}:${tags.join(', ')} (${digest}) into the simulator's ECR instead of building it.\n`,
      outputs: {
        registry,
        'repository-uri': uri,
        image: `${uri}:${tags[0]}`,
        digest,
        'image-with-digest': `${uri}@${digest}`,
        tags: JSON.stringify(tags),
      },
    };
  };
}

export function builtInStandIns(): Record<string, StandIn> {
  return {
    'actions/checkout': checkout,
    'aws-actions/configure-aws-credentials': configureAwsCredentials,
    'actions/upload-artifact': uploadArtifact,
    'actions/download-artifact': downloadArtifact,
    'actions/setup-java': setupJava,
  };
}
