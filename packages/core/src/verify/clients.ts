/**
 * The clients verify reads with, for an action's entry: each created on first use, and its SDK loaded only then (a
 * chunk of its own), so a step that does not verify, or verifies a task definition without secrets, loads none of
 * them. The action passes the CloudWatch Logs (and ECR) clients it already keeps, so they are shared.
 */
import { createAwsClient } from '../aws.js';
import type { VerifyClients } from './types.js';

interface Destroyable {
  destroy(): void;
}

export function lazyVerifyClients(
  region: string,
  shared: Pick<VerifyClients, 'logs'> & Partial<Pick<VerifyClients, 'ecr'>>,
): { clients: VerifyClients; destroy(): Promise<void> } {
  const created: Promise<Destroyable>[] = [];
  const perRegion = <T extends Destroyable>(create: (clientRegion: string) => Promise<T>) => {
    const clients = new Map<string, Promise<T>>();
    return (clientRegion: string): Promise<T> => {
      let client = clients.get(clientRegion);
      if (!client) {
        client = create(clientRegion);
        clients.set(clientRegion, client);
        created.push(client);
      }
      return client;
    };
  };
  // Reads: two attempts each, as the preflight's; verify's budget bounds them all.
  const options = (clientRegion: string) => ({ region: clientRegion, maxAttempts: 2 });
  const iam = perRegion((r) =>
    import('@aws-sdk/client-iam').then(({ IAMClient }) => createAwsClient(IAMClient, options(r))),
  );
  const clients: VerifyClients = {
    iam: () => iam(region),
    ssm: perRegion((r) =>
      import('@aws-sdk/client-ssm').then(({ SSMClient }) => createAwsClient(SSMClient, options(r))),
    ),
    secretsManager: perRegion((r) =>
      import('@aws-sdk/client-secrets-manager').then(({ SecretsManagerClient }) =>
        createAwsClient(SecretsManagerClient, options(r)),
      ),
    ),
    logs: shared.logs,
    ecr:
      shared.ecr ??
      perRegion((r) => import('@aws-sdk/client-ecr').then(({ ECRClient }) => createAwsClient(ECRClient, options(r)))),
  };
  return {
    clients,
    async destroy() {
      for (const client of created) (await client.catch(() => undefined))?.destroy();
    },
  };
}
