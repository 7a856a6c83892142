/**
 * UpdateService's service settings besides the task definition, count, deployment configuration, network and load
 * balancers: the Fargate platform version, capacity provider strategy, Service Connect, volume configurations and
 * tag settings. Kept on the service; the ones that change what tasks run (platform version, capacity providers,
 * Service Connect, volumes) start a new deployment, which describes them (Deployment shape of the ECS API reference).
 */
import { AwsServiceError } from '../contract.js';
import type { JsonObject, ServiceRecord } from './model.js';

const invalid = (message: string) => new AwsServiceError('InvalidParameterException', message);
/** The Fargate platform versions a service may name (Linux). */
const PLATFORM_VERSIONS = ['LATEST', '1.4.0', '1.3.0'];
/** The capacity providers every Fargate cluster has. */
const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Validates and applies the settings the input gives; true when one that needs a new deployment changed. */
export function applyServiceSettings(service: ServiceRecord, input: JsonObject): boolean {
  const { platformVersion, propagateTags, enableECSManagedTags, capacityProviderStrategy } = input;
  const { serviceConnectConfiguration, volumeConfigurations } = input;
  if (platformVersion !== undefined && !PLATFORM_VERSIONS.includes(String(platformVersion))) {
    throw invalid('The specified platform version does not exist.');
  }
  if (propagateTags !== undefined && !['TASK_DEFINITION', 'SERVICE', 'NONE'].includes(String(propagateTags))) {
    throw invalid(`Invalid value for propagateTags: ${String(propagateTags)}.`);
  }
  if (enableECSManagedTags !== undefined && typeof enableECSManagedTags !== 'boolean') {
    throw invalid('enableECSManagedTags must be a boolean.');
  }
  if (capacityProviderStrategy !== undefined) {
    if (!Array.isArray(capacityProviderStrategy)) throw invalid('capacityProviderStrategy must be a list.');
    for (const item of capacityProviderStrategy) {
      const name = isObject(item) ? item.capacityProvider : undefined;
      if (!FARGATE_PROVIDERS.includes(String(name))) {
        throw invalid(
          `The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.`,
        );
      }
    }
  }
  if (serviceConnectConfiguration !== undefined) {
    if (!isObject(serviceConnectConfiguration) || typeof serviceConnectConfiguration.enabled !== 'boolean') {
      throw invalid('serviceConnectConfiguration.enabled must be specified.');
    }
  }
  if (volumeConfigurations !== undefined && !Array.isArray(volumeConfigurations)) {
    throw invalid('volumeConfigurations must be a list.');
  }

  const differs = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) !== JSON.stringify(b);
  const changed =
    differs(platformVersion, service.platformVersion) ||
    differs(capacityProviderStrategy, service.capacityProviderStrategy) ||
    differs(serviceConnectConfiguration, service.serviceConnectConfiguration) ||
    differs(volumeConfigurations, service.volumeConfigurations);
  if (platformVersion !== undefined) service.platformVersion = String(platformVersion);
  if (propagateTags !== undefined) service.propagateTags = String(propagateTags);
  if (enableECSManagedTags !== undefined) service.enableECSManagedTags = enableECSManagedTags === true;
  if (capacityProviderStrategy !== undefined) service.capacityProviderStrategy = capacityProviderStrategy;
  if (serviceConnectConfiguration !== undefined) service.serviceConnectConfiguration = serviceConnectConfiguration;
  if (volumeConfigurations !== undefined) service.volumeConfigurations = volumeConfigurations as unknown[];
  return changed;
}
