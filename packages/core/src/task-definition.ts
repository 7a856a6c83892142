/**
 * Fields that DescribeTaskDefinition returns but RegisterTaskDefinition rejects (ECS API reference,
 * TaskDefinition vs RegisterTaskDefinition request syntax). Every other field is a register parameter.
 */
export const DESCRIBE_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

/**
 * ECS refuses a RegisterTaskDefinition request whose task definition is larger than 64 KiB (Amazon ECS service
 * quota "Task definition size": 64 KiB, not adjustable).
 */
export const TASK_DEFINITION_MAX_BYTES = 64 * 1024;

/** The size ECS counts, as near as a client can tell: the register input as compact JSON, in UTF-8 bytes. */
export function taskDefinitionBytes(registerInput: unknown): number {
  return Buffer.byteLength(JSON.stringify(registerInput), 'utf8');
}

/**
 * Undefined when the task definition fits, else the sentence for the error: the size, the limit and what to do.
 * `what` names the task definition: `the task definition rendered from "td.json"`.
 */
export function taskDefinitionSizeProblem(registerInput: unknown, what: string): string | undefined {
  const bytes = taskDefinitionBytes(registerInput);
  if (bytes <= TASK_DEFINITION_MAX_BYTES) return undefined;
  return `${what} is ${bytes} bytes as compact JSON, over the 64 KiB (${TASK_DEFINITION_MAX_BYTES} bytes) that ECS accepts for one task definition (service quota "Task definition size", not adjustable). Make it smaller: move long values into environmentFiles (S3) or secrets (SSM Parameter Store, Secrets Manager), or split the containers across services.`;
}
