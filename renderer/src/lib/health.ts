import type { HealthCheck, HealthStatus, ServiceInstance } from '../../../shared/model/registry.js';

/** A status as shown: the registry's four, or unknown when it says nothing. */
export type ShownHealth = HealthStatus | 'unknown';

// Worst first: what needs attention is read first.
const SEVERITY: Record<ShownHealth, number> = {
  critical: 0,
  warning: 1,
  maintenance: 2,
  unknown: 3,
  passing: 4,
};

/** Orders statuses worst first (critical, warning, maintenance, unknown, passing). */
export function compareHealth(a: ShownHealth, b: ShownHealth): number {
  return SEVERITY[a] - SEVERITY[b];
}

/** Checks worst first, then by name; the input is not changed. */
export function sortChecks(checks: readonly HealthCheck[]): HealthCheck[] {
  return [...checks].sort((a, b) => compareHealth(a.status, b.status) || a.name.localeCompare(b.name));
}

/** The worst status among checks, or null without checks. */
export function worstStatus(checks: readonly HealthCheck[]): HealthStatus | null {
  return sortChecks(checks)[0]?.status ?? null;
}

/**
 * The health badge of an instance: the worst of its checks when it has any, else the registry's own
 * healthy flag (Nacos), else unknown.
 */
export function instanceHealth(instance: ServiceInstance): ShownHealth {
  const worst = worstStatus(instance.checks);
  if (worst) return worst;
  if (instance.healthy === null) return 'unknown';
  return instance.healthy ? 'passing' : 'critical';
}

/** Instances worst first (stable otherwise), so a failing one is never below the fold. */
export function sortInstances(instances: readonly ServiceInstance[]): ServiceInstance[] {
  return instances
    .map((instance, index) => ({ instance, index, health: instanceHealth(instance) }))
    .sort((a, b) => compareHealth(a.health, b.health) || a.index - b.index)
    .map((entry) => entry.instance);
}

/** The tone of "healthy / total": all healthy, some unhealthy, none healthy, or unknown. */
export function healthyTone(healthy: number | null, total: number | null): ShownHealth {
  if (healthy === null || total === null) return 'unknown';
  if (total === 0) return 'unknown';
  if (healthy >= total) return 'passing';
  return healthy === 0 ? 'critical' : 'warning';
}
