import { describe, expect, it } from '@jest/globals';
import { explainAccessError, isAccessError } from '../src/aws-errors.js';
import { ConfigurationError } from '../src/errors.js';

const awsError = (name: string, message = 'the service said so') => Object.assign(new Error(message), { name });
const context = { action: 'ecr:DescribeImages', resource: 'web:1', region: 'eu-west-1' };

describe('explainAccessError: one wording for every action', () => {
  it.each([
    [
      'CredentialsProviderError',
      'No AWS credentials were found for ecr:DescribeImages on web:1. Run aws-actions/configure-aws-credentials',
    ],
    [
      'ExpiredTokenException',
      'AWS rejected the credentials on ecr:DescribeImages on web:1 (ExpiredTokenException): the service said so. The AWS credentials have expired',
    ],
    [
      'UnrecognizedClientException',
      'AWS rejected the credentials on ecr:DescribeImages on web:1 (UnrecognizedClientException)',
    ],
    [
      'AccessDeniedException',
      'ecr:DescribeImages on web:1 was denied (AccessDeniedException): the service said so. Allow ecr:DescribeImages for the role this job uses in region eu-west-1.',
    ],
  ])('%s', (name, says) => {
    const explained = explainAccessError(awsError(name), context);
    expect(explained).toBeInstanceOf(ConfigurationError);
    expect(explained?.message).toContain(says);
    expect(isAccessError(awsError(name))).toBe(true);
  });

  it('names iam:PassRole, also when ECS answers it as a ClientException', () => {
    const error = awsError(
      'ClientException',
      'User: x is not authorized to perform: iam:PassRole on resource: role/app',
    );
    expect(explainAccessError(error, { action: 'ecs:RegisterTaskDefinition' })?.message).toContain(
      'Allow iam:PassRole (needed to register a task definition with a task or execution role) for the role this job uses.',
    );
  });

  it('leaves other errors to the caller', () => {
    expect(explainAccessError(awsError('ThrottlingException'), context)).toBeUndefined();
    expect(isAccessError(awsError('ClientException', 'Invalid cpu'))).toBe(false);
  });
});
