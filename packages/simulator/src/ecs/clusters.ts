/** Clusters: CreateCluster, DescribeClusters and ListClusters, and the cluster a seeded service needs. */
import type { ClusterRecord, JsonObject } from './model.js';
import { invalid, listPage, str, strings } from './requests.js';
import { clusterShape } from './shapes.js';
import { type EcsState, nameOf } from './state.js';

/** The cluster of that name, created ACTIVE when there is none. */
export function addCluster(state: EcsState, name: string): ClusterRecord {
  const existing = state.clusters.get(name);
  if (existing) return existing;
  const cluster: ClusterRecord = {
    name,
    arn: `${state.arnPrefix}:cluster/${name}`,
    status: 'ACTIVE',
    tags: [],
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    services: new Map(),
    tasks: [],
  };
  state.clusters.set(name, cluster);
  return cluster;
}

export function createCluster(state: EcsState, input: JsonObject): unknown {
  const name = str(input, 'clusterName') ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw invalid('Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.');
  }
  // CreateCluster is idempotent for an existing ACTIVE cluster.
  const cluster = addCluster(state, name);
  if (Array.isArray(input.tags)) cluster.tags = input.tags;
  if (Array.isArray(input.settings)) cluster.settings = input.settings;
  return { cluster: clusterShape(cluster) };
}

export function describeClusters(state: EcsState, input: JsonObject): unknown {
  state.now();
  const references = strings(input, 'clusters') ?? ['default'];
  const clusters: JsonObject[] = [];
  const failures: JsonObject[] = [];
  for (const reference of references) {
    const name = nameOf(reference);
    const cluster = state.clusters.get(name);
    if (cluster) clusters.push(clusterShape(cluster));
    else failures.push({ arn: `${state.arnPrefix}:cluster/${name}`, reason: 'MISSING' });
  }
  return { clusters, failures };
}

/** API_ListClusters: paginated, maxResults 1 to 100 (default 100). */
export function listClusters(state: EcsState, input: JsonObject): unknown {
  return listPage(
    'clusterArns',
    [...state.clusters.values()].map((cluster) => cluster.arn),
    input,
    100,
    100,
  );
}
