import type { HealthCheck, HealthStatus } from '../../../../shared/model/registry.js';
import type { HealthCheckWire } from './consul.schemas.js';

/** Consul puts a node or service into maintenance with a critical check of one of these ids. */
const MAINTENANCE_CHECK = /^_(node|service)_maintenance/;

function status(check: HealthCheckWire): HealthStatus {
  if (MAINTENANCE_CHECK.test(check.CheckID)) return 'maintenance';
  if (check.Status === 'passing' || check.Status === 'warning' || check.Status === 'critical')
    return check.Status;
  return 'warning';
}

/** A Consul check in the common model; `node` is set for node-level checks (no service). */
export function healthCheck(check: HealthCheckWire): HealthCheck {
  return {
    checkId: check.CheckID,
    name: check.Name,
    status: status(check),
    output: check.Output ?? '',
    node: check.ServiceID ? null : check.Node,
  };
}

/** Healthy as Consul's `?passing` filter sees it: no check critical (maintenance included). */
export function isHealthy(checks: readonly HealthCheck[]): boolean {
  return !checks.some((check) => check.status === 'critical' || check.status === 'maintenance');
}
