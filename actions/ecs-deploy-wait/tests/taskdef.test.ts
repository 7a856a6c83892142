import { describe, expect, it } from '@jest/globals';
import { imageVersion, normalizeTaskDefinition, sameTaskDefinition, shortTaskDefinition } from '../src/taskdef.js';

const rendered = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '1 vCPU',
  memory: '3 GB',
  containerDefinitions: [
    {
      name: 'web',
      image: 'r/web:1',
      essential: true,
      portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      environment: [
        { name: 'B', value: '2' },
        { name: 'A', value: 'x=1' },
      ],
    },
  ],
};

const described = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
  revision: 3,
  status: 'ACTIVE',
  registeredAt: new Date('2025-10-06T09:00:00Z'),
  registeredBy: 'arn:aws:sts::123456789012:assumed-role/deploy/gha',
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '1024',
  memory: '3072',
  volumes: [],
  placementConstraints: [],
  containerDefinitions: [
    {
      name: 'web',
      image: 'r/web:1',
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      environment: [
        { name: 'A', value: 'x=1' },
        { name: 'B', value: '2' },
      ],
      mountPoints: [],
      volumesFrom: [],
      systemControls: [],
    },
  ],
};

describe('sameTaskDefinition', () => {
  it('treats describe output with defaults filled in as the same as the rendered input', () => {
    expect(sameTaskDefinition(rendered, described)).toBe(true);
    expect(sameTaskDefinition(rendered, { taskDefinition: described, tags: [] })).toBe(true);
  });

  it('ignores the defaults newer ECS reports: enableFaultInjection false, versionConsistency enabled', () => {
    const [container] = described.containerDefinitions;
    const newer = {
      ...described,
      enableFaultInjection: false,
      containerDefinitions: [{ ...container, versionConsistency: 'enabled' }],
    };
    expect(sameTaskDefinition(rendered, newer)).toBe(true);
    expect(sameTaskDefinition(rendered, { ...newer, enableFaultInjection: true })).toBe(false);
    expect(
      sameTaskDefinition(rendered, {
        ...newer,
        containerDefinitions: [{ ...container, versionConsistency: 'disabled' }],
      }),
    ).toBe(false);
  });

  it.each([
    ['image', { image: 'r/web:2' }],
    [
      'environment value',
      {
        environment: [
          { name: 'A', value: 'x=2' },
          { name: 'B', value: '2' },
        ],
      },
    ],
    ['not essential', { essential: false }],
    ['host port in bridge-like mapping', { portMappings: [{ containerPort: 8080, hostPort: 80 }] }],
  ])('sees a changed %s', (_what, change) => {
    const changed = {
      ...described,
      containerDefinitions: [{ ...(described.containerDefinitions[0] as Record<string, unknown>), ...change }],
    };
    expect(sameTaskDefinition(rendered, changed)).toBe(false);
  });

  it('sees a changed task size', () => {
    expect(sameTaskDefinition(rendered, { ...described, memory: '4096' })).toBe(false);
  });

  it('normalizes task sizes written in units', () => {
    expect(normalizeTaskDefinition({ family: 'x', cpu: '0.25 vCPU', memory: '512 MB' })).toEqual({
      family: 'x',
      cpu: '256',
      memory: '512',
    });
  });
});

describe('names', () => {
  it.each([
    ['r/web:1.2', '1.2'],
    ['localhost:5000/web:0.2548.7', '0.2548.7'],
    ['r/web@sha256:abc', 'sha256:abc'],
    ['localhost:5000/web', undefined],
  ])('imageVersion(%s) = %s', (image, version) => {
    expect(imageVersion(image)).toBe(version);
  });

  it('shortens task definition ARNs to family:revision', () => {
    expect(shortTaskDefinition('arn:aws:ecs:us-east-1:123456789012:task-definition/web:3')).toBe('web:3');
    expect(shortTaskDefinition('web:3')).toBe('web:3');
  });
});
