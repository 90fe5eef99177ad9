import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useClient, useTransportStatus } from '../../transport/ClientContext.js';

/** Shown while browser mode has lost its WebSocket to the host; counts down to the next retry. */
export function TransportBanner() {
  const { t } = useTranslation('layout');

  const status = useTransportStatus();
  const { transport } = useClient();
  const [now, setNow] = useState(() => Date.now());
  const down = status.state === 'disconnected';

  useEffect(() => {
    if (!down) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [down]);

  if (status.state === 'connected' || (status.state === 'connecting' && status.epoch === 0)) return null;
  const seconds = status.state === 'disconnected' ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
  return (
    <div className="notice notice-danger" data-testid="transport-banner" role="status">
      <b>{t('transportBanner.disconnectedFromTheConfigdeck')}</b>
      <span>
        {status.state === 'connecting'
          ? t('transportBanner.reconnecting')
          : t('transportBanner.retryingInS', { seconds })}
      </span>
      <span className="muted">{t('transportBanner.ifTheHostWas')}</span>
      <span className="spacer" />
      {status.state === 'disconnected' && (
        <button className="btn btn-sm" onClick={() => transport.retryNow()}>
          {t('transportBanner.retryNow')}
        </button>
      )}
    </div>
  );
}
