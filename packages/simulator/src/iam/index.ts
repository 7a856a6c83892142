/**
 * The IAM side: roles with their trust policies and permission policies, spoken over the awsQuery protocol
 * (`Version=2010-05-08`). Serves GetRole and SimulatePrincipalPolicy with the shapes and errors of the IAM API
 * reference; the policy language it evaluates is the subset in policy.ts. Roles are seeded with `createRole`.
 *
 * GetRole answers the trust policy URL-encoded, as IAM does ("The policy is returned in URL-encoded JSON format").
 * SimulatePrincipalPolicy evaluates the role's own policies, the `ResourcePolicy` given in the request, and the
 * resource policies the simulator's other sides keep for a resource (a Secrets Manager secret's policy).
 */
import { type AwsQueryService, AwsServiceError } from '../contract.js';
import type { QueryParams, XmlValue } from '../query/protocol.js';
import { evaluate, type PolicyDocument, parsePolicy, type SourcedPolicy, trusts } from './policy.js';

export type { PolicyDocument, PolicyStatement } from './policy.js';

export interface CreateRoleInput {
  name: string;
  /** The services that may assume it (its trust policy); default `['ecs-tasks.amazonaws.com']`. */
  trustedServices?: string[];
  /** A trust policy of its own, instead of `trustedServices`. */
  trustPolicy?: PolicyDocument;
  /** Permission policies by name (attached or inline: the evaluation does not tell them apart). */
  policies?: Record<string, PolicyDocument>;
}

interface RoleRecord {
  name: string;
  id: string;
  arn: string;
  createdAt: number;
  trust: PolicyDocument;
  policies: Map<string, PolicyDocument>;
}

/** The policy that lets a service assume a role. */
export function trustPolicyFor(services: string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' }],
  };
}

const noSuchRole = (name: string) =>
  new AwsServiceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
const invalidInput = (message: string) => new AwsServiceError('InvalidInput', message);

export class IamSimulator implements AwsQueryService {
  readonly api = 'iam' as const;
  readonly protocol = 'awsQuery' as const;
  readonly version = '2010-05-08';
  readonly xmlns = 'https://iam.amazonaws.com/doc/2010-05-08/';
  private readonly roles = new Map<string, RoleRecord>();

  constructor(
    private readonly options: {
      accountId: string;
      now: () => number;
      /** The resource policy another side keeps for a resource ARN (a secret's), when it has one. */
      resourcePolicy?: (resourceArn: string) => PolicyDocument | undefined;
    },
  ) {}

  // ------------------------------------------------------------------------------------------- seeding

  /** Creates (or replaces) a role; returns its ARN. Policies outside the subset are refused here. */
  createRole(input: CreateRoleInput): string {
    const check = (document: PolicyDocument) => parsePolicy(JSON.stringify(document));
    const arn = `arn:aws:iam::${this.options.accountId}:role/${input.name}`;
    const id = `AROA${Buffer.from(input.name).toString('hex').toUpperCase().padEnd(17, '0').slice(0, 17)}`;
    this.roles.set(input.name, {
      name: input.name,
      id,
      arn,
      createdAt: this.options.now(),
      trust: check(input.trustPolicy ?? trustPolicyFor(input.trustedServices ?? ['ecs-tasks.amazonaws.com'])),
      policies: new Map(Object.entries(input.policies ?? {}).map(([name, document]) => [name, check(document)])),
    });
    return arn;
  }

  /** Adds or replaces one permission policy of a role. */
  putRolePolicy(roleName: string, policyName: string, document: PolicyDocument): void {
    const role = this.roles.get(roleName);
    if (!role) throw new Error(`putRolePolicy: no role ${roleName}`);
    role.policies.set(policyName, parsePolicy(JSON.stringify(document)));
  }

  deleteRole(roleName: string): void {
    this.roles.delete(roleName);
  }

  // ------------------------------------------------------------------------------------------- what ECS asks

  /** The role of an ARN, when it exists. */
  roleOf(arn: string): { trustsService(service: string): boolean } | undefined {
    const role = this.roles.get(roleName(arn));
    if (!role || role.arn !== arn) return undefined;
    return { trustsService: (service) => trusts(role.trust, service) };
  }

  /** The decision of the role's policies (and the resource's own policy) for one action on one resource. */
  decide(roleArn: string, action: string, resource: string): 'allowed' | 'explicitDeny' | 'implicitDeny' {
    const role = this.roles.get(roleName(roleArn));
    if (!role) return 'implicitDeny';
    return evaluate(this.policiesFor(role, resource), action, resource, role.arn).decision;
  }

  // ------------------------------------------------------------------------------------------- API

  async handle(action: string, params: QueryParams): Promise<{ [name: string]: XmlValue }> {
    switch (action) {
      case 'GetRole':
        return this.getRole(params);
      case 'SimulatePrincipalPolicy':
        return this.simulatePrincipalPolicy(params);
      default:
        throw new AwsServiceError('InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
    }
  }

  private getRole(params: QueryParams): { [name: string]: XmlValue } {
    const name = params.get('RoleName') ?? '';
    if (!/^[\w+=,.@-]{1,64}$/.test(name)) {
      throw new AwsServiceError(
        'ValidationError',
        `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
      );
    }
    const role = this.roles.get(name);
    if (!role) throw noSuchRole(name);
    return {
      Role: {
        Path: '/',
        RoleName: role.name,
        RoleId: role.id,
        Arn: role.arn,
        CreateDate: new Date(role.createdAt),
        AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trust)),
        MaxSessionDuration: 3600,
      },
    };
  }

  private simulatePrincipalPolicy(params: QueryParams): { [name: string]: XmlValue } {
    const source = params.get('PolicySourceArn') ?? '';
    if (!source.startsWith('arn:')) throw invalidInput(`Invalid ARN: ${source || '(none)'}`);
    const role = this.roles.get(roleName(source));
    if (!role || role.arn !== source) throw noSuchRole(roleName(source));
    const actions = params.list('ActionNames.member');
    if (actions.length === 0) throw invalidInput('ActionNames must not be empty.');
    const resources = params.list('ResourceArns.member');
    const given = params.get('ResourcePolicy');
    let requestPolicy: SourcedPolicy | undefined;
    if (given !== undefined) {
      try {
        requestPolicy = { id: 'ResourcePolicy', type: 'Resource Policy', document: parsePolicy(given) };
      } catch (error) {
        throw new AwsServiceError('MalformedPolicyDocument', (error as Error).message);
      }
    }
    const results: XmlValue[] = [];
    for (const action of actions) {
      for (const resource of resources.length > 0 ? resources : ['*']) {
        const policies = [...this.policiesFor(role, resource), ...(requestPolicy ? [requestPolicy] : [])];
        const { decision, matched } = evaluate(policies, action, resource, role.arn);
        results.push({
          EvalActionName: action,
          EvalResourceName: resource,
          EvalDecision: decision,
          MatchedStatements: matched.map((statement) => ({
            SourcePolicyId: statement.id,
            SourcePolicyType: statement.type === 'IAM Policy' ? 'IAM Policy' : 'resource',
          })),
          MissingContextValues: [],
        });
      }
    }
    return { EvaluationResults: results, IsTruncated: false };
  }

  private policiesFor(role: RoleRecord, resource: string): SourcedPolicy[] {
    const own: SourcedPolicy[] = [...role.policies].map(([id, document]) => ({ id, type: 'IAM Policy', document }));
    const attached = this.options.resourcePolicy?.(resource);
    return attached ? [...own, { id: 'ResourcePolicy', type: 'Resource Policy', document: attached }] : own;
  }
}

/** The role name of a role ARN (`arn:aws:iam::<account>:role/<path/>name`), or the text itself. */
export function roleName(arnOrName: string): string {
  const slash = arnOrName.lastIndexOf('/');
  return arnOrName.startsWith('arn:') ? arnOrName.slice(slash + 1) : arnOrName;
}
