import { useTranslation } from 'react-i18next';
import type { TunnelInfo, TunnelState } from '../../../../shared/model/ssh.js';

const DOT: Record<TunnelState, 'ok' | 'warn' | 'bad'> = {
  open: 'ok',
  connecting: 'warn',
  reconnecting: 'warn',
  failed: 'bad',
  closed: 'bad',
};

/** The SSH tunnel of the open connection: `SSH ops@bastion:22 · open`, amber while it reconnects, red when failed. */
export function TunnelStatusItem({ tunnel }: { tunnel: TunnelInfo }) {
  const { t } = useTranslation('layout');

  const details = [
    tunnel.message,
    t('tunnelStatusItem.forwardedPorts', { count: tunnel.forwards }),
    tunnel.reconnects > 0 ? t('tunnelStatusItem.reconnected', { count: tunnel.reconnects }) : null,
  ].filter((line): line is string => line !== null);
  return (
    <span
      className="status-item tunnel-status"
      data-testid="tunnel-state"
      data-state={tunnel.state}
      data-tone={DOT[tunnel.state]}
      title={details.join('\n')}
    >
      <span className="status-dot" data-state={DOT[tunnel.state]} />
      <span className="status-text">
        SSH {tunnel.via} · {t(`tunnelStatusItem.state.${tunnel.state}`)}
      </span>
    </span>
  );
}
