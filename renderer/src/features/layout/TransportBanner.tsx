import { useEffect, useState } from 'react';
import { useClient, useTransportStatus } from '../../transport/ClientContext.js';

/** Shown while browser mode has lost its WebSocket to the host; counts down to the next retry. */
export function TransportBanner() {
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
      <b>Disconnected from the ConfigDeck host.</b>
      <span>{status.state === 'connecting' ? 'Reconnecting…' : `Retrying in ${seconds} s.`}</span>
      <span className="muted">
        If the host was restarted, open the new address it printed (the access token changes).
      </span>
      <span className="spacer" />
      {status.state === 'disconnected' && (
        <button className="btn btn-sm" onClick={() => transport.retryNow()}>
          Retry now
        </button>
      )}
    </div>
  );
}
