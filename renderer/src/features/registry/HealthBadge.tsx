import { useTranslation } from 'react-i18next';
import type { ShownHealth } from '../../lib/health.js';

/** A health status in its colour: passing green, warning amber, critical red, maintenance grey. */
export function HealthBadge({ status, label }: { status: ShownHealth; label?: string }) {
  const { t } = useTranslation('registry');
  return (
    <span className="health-badge" data-status={status}>
      {label ?? t(`healthBadge.${status}`)}
    </span>
  );
}
