import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CoreLabels } from '../../i18n/core-labels.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
import { useFormat } from '../../i18n/useFormat.js';
import type { ServerMember } from '../../../../shared/model/diagnostics.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { HealthBadge } from '../registry/HealthBadge.js';
import { formatMetric } from './servers-summary.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

function columns(
  t: TFunction<'servers'>,
  labels: CoreLabels,
  format: LocaleFormats,
): readonly Column<ServerMember>[] {
  return [
    {
      header: t('memberTable.status'),
      cell: (m) => (
        <HealthBadge
          status={m.up ? 'passing' : 'critical'}
          label={m.up ? t('memberTable.up') : t('memberTable.down')}
        />
      ),
    },
    { header: t('memberTable.name'), className: 'mono', cell: (m) => m.name },
    { header: t('memberTable.address'), className: 'mono', cell: (m) => m.address },
    {
      header: t('memberTable.role'),
      cell: (m) => (
        <span className="member-role" data-role={m.role}>
          {t(`memberRole.${m.role}`)}
        </span>
      ),
    },
    { header: t('memberTable.version'), className: 'mono', cell: (m) => m.version ?? '—' },
    {
      header: t('memberTable.metrics'),
      cell: (m) =>
        m.metrics.length === 0 ? (
          <span className="faint">—</span>
        ) : (
          <span className="member-metrics">
            {m.metrics.map((metric) => (
              <span key={metric.key} className="member-metric" data-key={metric.key}>
                <span className="muted">{labels.memberMetric(metric)}</span>{' '}
                <span className="mono">{labels.word(metric) ?? formatMetric(metric, format)}</span>
              </span>
            ))}
          </span>
        ),
    },
  ];
}

/** The cluster's members: up in green, down in red with the reason below. */
export function MemberTable({ members }: { members: readonly ServerMember[] }) {
  const { t } = useTranslation('servers');
  const labels = useCoreLabels();
  const say = useCoreSentence();
  const format = useFormat();
  return (
    <DataTable
      className="data-table registry-table"
      rows={members}
      columns={columns(t, labels, format)}
      rowKey={(m) => m.id}
      rowProps={(m) => ({
        'data-testid': 'server-member',
        'data-id': m.id,
        'data-address': m.address,
        'data-up': m.up,
        'data-role': m.role,
      })}
      detail={(m) =>
        m.error ? (
          <span className={m.up ? 'warn-text' : 'danger-text'} data-testid="server-member-error">
            {say(m.error)}
          </span>
        ) : null
      }
    />
  );
}
