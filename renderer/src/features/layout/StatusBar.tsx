import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../api/useAppInfo.js';
import { useTransportStatus } from '../../transport/ClientContext.js';
import { useSession } from '../session/SessionProvider.js';
import { ServerInfoItem } from './ServerInfoItem.js';
import { ServersHealthItem } from './ServersHealthItem.js';
import { TunnelStatusItem } from './TunnelStatusItem.js';
import './StatusBar.css';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** The bottom bar: link to the core, connection state, SSH tunnel, server and its features, version. */
export function StatusBar() {
  const { t } = useTranslation('layout');
  const say = useCoreSentence();

  const transport = useTransportStatus();
  const { active } = useSession();
  const info = useAppInfo().data;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item" data-testid="transport-state" data-state={transport.state}>
        <span className="status-dot" data-state={transport.state === 'connected' ? 'ok' : 'bad'} />
        {info?.transport === 'electron' ? t('statusBar.local') : t('statusBar.host')}{' '}
        {t(`statusBar.state.${transport.state}`)}
      </span>
      {active && (
        <>
          <span
            className="status-item status-item-shrink"
            data-testid="connection-state"
            data-state={active.state}
          >
            <span
              className="status-dot"
              data-state={
                active.state === 'connected'
                  ? 'ok'
                  : active.state === 'expired' || active.state === 'closed'
                    ? 'bad'
                    : 'warn'
              }
            />
            <span
              className="status-text"
              title={active.stateMessage === null ? undefined : say(active.stateMessage)}
            >
              {active.profile.name}: {t(`statusBar.state.${active.state}`)}
              {active.stateMessage ? ` (${say(active.stateMessage)})` : ''}
            </span>
          </span>
          {active.session.tunnel && <TunnelStatusItem tunnel={active.session.tunnel} />}
          {active.session.server && <span className="status-item muted">{say(active.session.server)}</span>}
          <ServerInfoItem active={active} />
          <ServersHealthItem key={active.session.connectionId} active={active} />
        </>
      )}
      <span className="status-spacer" />
      {info && <span className="status-item muted">ConfigDeck {info.version}</span>}
    </footer>
  );
}
