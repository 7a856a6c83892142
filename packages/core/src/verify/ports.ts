/**
 * The service's load balancers name a container and port of the new task definition, and its Service Connect
 * services name port mappings it has. Pure: it compares the service (or the service definition) with the task
 * definition. ECS refuses such an update (InvalidParameterException) after the task definition was registered.
 */
import type { VerifyFinding, VerifyTarget } from './types.js';

export function checkPorts(target: VerifyTarget): VerifyFinding[] {
  const containers = target.taskDefinition.containerDefinitions ?? [];
  const findings: VerifyFinding[] = [];
  for (const lb of target.service?.loadBalancers ?? []) {
    if (!lb.containerName) continue;
    const container = containers.find((candidate) => candidate.name === lb.containerName);
    const ports = (container?.portMappings ?? []).map((mapping) => mapping.containerPort);
    if (container && ports.includes(lb.containerPort)) continue;
    findings.push({
      check: 'load-balancer-port',
      what: container
        ? `the service's load balancer sends traffic to container ${lb.containerName} port ${lb.containerPort}, which the new task definition does not map (it maps ${ports.join(', ') || 'no ports'})`
        : `the service's load balancer names container ${lb.containerName}, which the new task definition does not have (it has ${containers.map((c) => c.name).join(', ') || 'none'})`,
      why: `ECS refuses the update with "InvalidParameterException: The container ${lb.containerName} did not have a container port ${lb.containerPort} defined." after the task definition was registered`,
      fix: `add portMappings containerPort ${lb.containerPort} to container ${lb.containerName}, or change the service's load balancer (a service definition's loadBalancers)`,
      certain: true,
    });
  }
  const config = target.service?.serviceConnectConfiguration;
  if (config?.enabled !== false) {
    const names = new Set(containers.flatMap((c) => (c.portMappings ?? []).flatMap((m) => (m.name ? [m.name] : []))));
    for (const service of config?.services ?? []) {
      if (!service.portName || names.has(service.portName)) continue;
      findings.push({
        check: 'service-connect-port',
        what: `Service Connect uses port name ${service.portName}, which no port mapping of the new task definition has (it has ${[...names].join(', ') || 'none'})`,
        why: 'ECS refuses the update (InvalidParameterException): Service Connect names a port mapping by its name',
        fix: `name a port mapping "${service.portName}" in the task definition, or change serviceConnectConfiguration.services[].portName`,
        certain: true,
      });
    }
  }
  return findings;
}
