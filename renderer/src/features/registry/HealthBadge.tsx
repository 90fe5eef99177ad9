import type { ShownHealth } from '../../lib/health.js';

const LABELS: Record<ShownHealth, string> = {
  passing: 'passing',
  warning: 'warning',
  critical: 'critical',
  maintenance: 'maintenance',
  unknown: 'unknown',
};

/** A health status in its colour: passing green, warning amber, critical red, maintenance grey. */
export function HealthBadge({ status, label }: { status: ShownHealth; label?: string }) {
  return (
    <span className="health-badge" data-status={status}>
      {label ?? LABELS[status]}
    </span>
  );
}
