/**
 * A rollback returns to the previous service revision, its settings included (developer guide, "Stopping Amazon ECS
 * service deployments": ROLLBACK "rolls back the service deployment to the previous service revision"): the network
 * configuration, platform version, launch type or capacity provider strategy, load balancers, service registries,
 * Service Connect and volume configurations the revision recorded become the service's again.
 */
import type { ServiceRecord, ServiceRevisionRecord } from './model.js';

export function restoreRevisionSettings(service: ServiceRecord, revisionArn: string): void {
  const revision: ServiceRevisionRecord | undefined = service.serviceRevisions.find((r) => r.arn === revisionArn);
  if (!revision) return;
  service.launchType = revision.launchType;
  service.platformVersion = revision.platformVersion;
  service.capacityProviderStrategy = revision.capacityProviderStrategy;
  service.loadBalancers = revision.loadBalancers;
  service.serviceRegistries = revision.serviceRegistries;
  service.networkConfiguration = revision.networkConfiguration;
  service.serviceConnectConfiguration = revision.serviceConnectConfiguration;
  service.volumeConfigurations = revision.volumeConfigurations;
}
