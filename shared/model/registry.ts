import { z } from 'zod';

export const HEALTH_STATUSES = ['passing', 'warning', 'critical', 'maintenance'] as const;
export const HealthStatusSchema = z.enum(HEALTH_STATUSES);
export type HealthStatus = z.infer<typeof HealthStatusSchema>;

export const HealthCheckSchema = z.object({
  checkId: z.string(),
  name: z.string(),
  status: HealthStatusSchema,
  output: z.string(),
  /** The node the check runs on, when it is a node-level check. */
  node: z.string().nullable(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

/** A service as listed in a registry (Consul catalog, Nacos naming). */
export const ServiceSummarySchema = z.object({
  name: z.string(),
  /** Nacos namespace id, null for Consul. */
  namespace: z.string().nullable(),
  /** Nacos group, null for Consul. */
  group: z.string().nullable(),
  tags: z.array(z.string()),
  instanceCount: z.number().int().nullable(),
  healthyCount: z.number().int().nullable(),
});
export type ServiceSummary = z.infer<typeof ServiceSummarySchema>;

export const ServiceInstanceSchema = z.object({
  id: z.string(),
  /** The node or host the instance runs on, when the registry has one (Consul node, Nacos cluster). */
  node: z.string().nullable(),
  address: z.string(),
  port: z.number().int().nullable(),
  /** Aggregated health: false when any check is critical; null when the registry does not say. */
  healthy: z.boolean().nullable(),
  weight: z.number().nullable(),
  enabled: z.boolean().nullable(),
  ephemeral: z.boolean().nullable(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  checks: z.array(HealthCheckSchema),
});
export type ServiceInstance = z.infer<typeof ServiceInstanceSchema>;

export const CatalogNodeSchema = z.object({
  node: z.string(),
  address: z.string(),
  datacenter: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  checks: z.array(HealthCheckSchema),
});
export type CatalogNode = z.infer<typeof CatalogNodeSchema>;

export const ClusterOverviewSchema = z.object({
  /** The datacenter being shown (Consul) or null. */
  datacenter: z.string().nullable(),
  datacenters: z.array(z.string()),
  leader: z.string().nullable(),
  peers: z.array(z.string()),
  /** Server version when known. */
  version: z.string().nullable(),
});
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;

/** Where to look in a registry: Consul by datacenter, Nacos by namespace and group. */
export const RegistryScopeSchema = z.object({
  datacenter: z.string().min(1).optional(),
  namespace: z.string().optional(),
  group: z.string().min(1).optional(),
});
export type RegistryScope = z.infer<typeof RegistryScopeSchema>;
