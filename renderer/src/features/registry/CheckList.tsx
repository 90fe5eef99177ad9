import { useTranslation } from 'react-i18next';
import type { HealthCheck } from '../../../../shared/model/registry.js';
import { sortChecks } from '../../lib/health.js';
import { HealthBadge } from './HealthBadge.js';

interface Props {
  checks: readonly HealthCheck[];
  /** Extra attributes that tie each row to its owner, for tests and styling. */
  owner: { instance?: string; node?: string };
}

/** Health checks worst first, each with its status colour and the check's last output. */
export function CheckList({ checks, owner }: Props) {
  const { t } = useTranslation('registry');

  if (checks.length === 0) return <div className="faint check-none">{t('checkList.noHealthChecks')}</div>;
  return (
    <div className="check-list">
      {sortChecks(checks).map((check) => (
        <div
          key={`${check.node ?? ''}/${check.checkId}`}
          className="check-row"
          data-testid="check-row"
          data-status={check.status}
          data-check-id={check.checkId}
          data-instance={owner.instance}
          data-node={owner.node}
        >
          <div className="check-head">
            <HealthBadge status={check.status} />
            <span className="check-name">{check.name || check.checkId}</span>
            {check.name && check.name !== check.checkId && (
              <span className="faint mono">{check.checkId}</span>
            )}
            {check.node && !owner.node && (
              <span className="faint">{t('checkList.on', { node: check.node })}</span>
            )}
          </div>
          {check.output.trim() !== '' && <pre className="check-output">{check.output.trimEnd()}</pre>}
        </div>
      ))}
    </div>
  );
}
