import { useTranslation } from 'react-i18next';
import { useServersHealth } from '../../api/useDiagnostics.js';
import { serversSummary } from '../servers/servers-summary.js';
import type { ActiveSession } from '../session/active-session.js';

/**
 * The status bar's health of the open connection's members (`3/3 up`, red when any is down), from
 * servers.health every 5 s; shown only where the store has the `servers` capability.
 */
export function ServersHealthItem({ active }: { active: ActiveSession }) {
  const { t } = useTranslation('layout');

  const health = useServersHealth(active.session.connectionId, active.session.capabilities.servers);
  if (!active.session.capabilities.servers) return null;
  const summary = health.data ? serversSummary(health.data) : null;
  const down = health.data?.members.filter((m) => !m.up).map((m) => m.name) ?? [];
  const disagreements = health.data?.disagreements ?? [];
  const title = health.isError
    ? t('serversHealthItem.theMembersCouldNot')
    : down.length > 0
      ? `Down: ${down.join(', ')}`
      : disagreements.length > 0
        ? disagreements.join('\n')
        : t('serversHealthItem.membersOfTheCluster');
  return (
    <span
      className="status-item"
      data-testid="servers-health"
      data-tone={health.isError ? 'bad' : (summary?.tone ?? 'unknown')}
      data-up={summary?.up}
      data-total={summary?.total}
      title={title}
    >
      <span className="status-dot" data-state={health.isError ? 'bad' : (summary?.tone ?? undefined)} />
      {health.isError
        ? t('serversHealthItem.serversUnknown')
        : summary
          ? t('serversHealthItem.servers', {
              text: t('serversHealthItem.upOf', { up: summary.up, total: summary.total }),
            })
          : t('serversHealthItem.servers2')}
      {summary?.tone === 'warn' && t('serversHealthItem.membersDisagree')}
    </span>
  );
}
