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
