/**
 * Reads the application file and everything it points at (task definition files, service definition files) and
 * turns them into a plan: one registration per task definition family, each target with its family. Every problem of
 * the file and of the files it names is collected and reported at once, before any AWS call.
 */
import {
  ConfigurationError,
  jsonProblemMessage,
  parseJsonText,
  quoteValue,
  readInputFile,
  resolveInputPath,
} from '@ecs-actions/core';
import { readTaskDefinitionFile, sameTaskDefinition, type TaskDefinitionFile } from '@ecs-actions/core/ecs';
import { readServiceDefinition, type ServiceDefinition } from '../service-definition/read.js';
import { type AppFile, type AppTarget, sectionOf, validateAppFile } from './app-file.js';

/** One task definition family to register once, whichever targets run it. */
export interface FamilyPlan {
  family: string;
  file: TaskDefinitionFile;
  /** The targets (by name) that run it. */
  targets: string[];
}

export type PlannedTarget = AppTarget & { family: string; serviceDefinition?: ServiceDefinition };

export interface AppPlan extends Omit<AppFile, 'targets'> {
  families: FamilyPlan[];
  targets: PlannedTarget[];
}

const MAX_APP_FILE_BYTES = 256 * 1024;

export function readAppPlan(
  file: string,
  environment: string,
  builtImage: string | undefined,
  workspace: string,
): AppPlan {
  const resolved = resolveInputPath({
    input: 'app-file',
    value: file,
    roots: [{ name: 'GITHUB_WORKSPACE', dir: workspace }],
  });
  const text = readInputFile('app-file', resolved, {
    maxBytes: MAX_APP_FILE_BYTES,
    missingHint: `Set it to the path of the application file, relative to the workspace (${workspace}), e.g. .aws/ecs-app.json.`,
  });
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ConfigurationError(jsonProblemMessage('app-file', resolved.shown, parsed.problem));
  const checked = validateAppFile(parsed.value, file, environment, builtImage);
  if ('problems' in checked) throw refused(file, checked.problems);

  const problems: string[] = [];
  const byPath = new Map<string, TaskDefinitionFile | undefined>();
  const families = new Map<string, FamilyPlan>();
  const targets: PlannedTarget[] = [];
  for (const target of checked.targets) {
    const where = `${sectionOf(target.kind)}.${target.name}`;
    const source = taskDefinitionOf(target, where, workspace, byPath, problems);
    const awsvpc = source?.rendered.request.networkMode === 'awsvpc';
    const serviceDefinition = serviceDefinitionOf(target, where, workspace, awsvpc, problems);
    if (!source) continue;
    const family = source.rendered.request.family ?? '';
    const planned = families.get(family);
    if (!planned) families.set(family, { family, file: source, targets: [target.name] });
    else if (!sameTaskDefinition(planned.file.rendered.request, source.rendered.request)) {
      problems.push(
        `${where}: runs family "${family}" with other contents (or images) than ${planned.targets.join(', ')}: one family is registered once per deploy, so targets that share it must run the same definition. Give one of them its own family.`,
      );
    } else planned.targets.push(target.name);
    targets.push({ ...target, family, ...(serviceDefinition ? { serviceDefinition } : {}) });
  }
  if (problems.length > 0) throw refused(file, problems);
  return { ...checked, families: [...families.values()], targets };
}

function refused(file: string, problems: string[]): ConfigurationError {
  return new ConfigurationError(
    `Input "app-file": ${quoteValue(file)} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was called or changed:\n${problems.map((p) => `- ${file}: ${p}`).join('\n')}`,
  );
}

/** The target's task definition file, read once per path, its containers given the file's images. */
function taskDefinitionOf(
  target: AppTarget,
  where: string,
  workspace: string,
  byPath: Map<string, TaskDefinitionFile | undefined>,
  problems: string[],
): TaskDefinitionFile | undefined {
  if (!byPath.has(target.taskDefinitionFile)) {
    try {
      byPath.set(target.taskDefinitionFile, readTaskDefinitionFile(target.taskDefinitionFile, workspace, undefined));
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      byPath.set(target.taskDefinitionFile, undefined);
      problems.push(`${where}.taskDefinition: ${error.message.replace(/^Input "task-definition": /, '')}`);
    }
  }
  const read = byPath.get(target.taskDefinitionFile);
  if (!read) return undefined;
  const request = structuredClone(read.rendered.request);
  const containers = request.containerDefinitions ?? [];
  for (const [name, image] of Object.entries(target.images)) {
    const container = containers.find((c) => c.name === name);
    if (!container) {
      problems.push(
        `${where}.images.${name}: ${target.taskDefinitionFile} has no container "${name}" (it has ${containers.map((c) => c.name).join(', ') || 'none'})`,
      );
    } else container.image = image;
  }
  return { path: read.path, rendered: { ...read.rendered, request } };
}

function serviceDefinitionOf(
  target: AppTarget,
  where: string,
  workspace: string,
  awsvpc: boolean,
  problems: string[],
): ServiceDefinition | undefined {
  if (target.kind !== 'service' || !target.serviceDefinitionFile) return undefined;
  try {
    const definition = readServiceDefinition(target.serviceDefinitionFile, workspace);
    if (target.createService && awsvpc && definition.settings.networkConfiguration === undefined) {
      problems.push(
        `${where}.serviceDefinition: ${target.serviceDefinitionFile} has no networkConfiguration, which creating a service of an awsvpc task definition needs`,
      );
    }
    return definition;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(`${where}.serviceDefinition: ${error.message.replace(/^Input "service-definition": /, '')}`);
    return undefined;
  }
}
