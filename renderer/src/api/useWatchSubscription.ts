import { useEffect } from 'react';
import { useClient, useTransportStatus } from '../transport/ClientContext.js';

/**
 * Keeps a server-side watch on `path` while mounted (children: its child list, else its value) and
 * removes it on unmount. Renewed after a transport reconnect, since the host drops a lost socket's watches.
 */
export function useWatchSubscription(connectionId: string, path: string, children: boolean): void {
  const client = useClient();
  const status = useTransportStatus();
  const epoch = status.state === 'connected' ? status.epoch : -1;

  useEffect(() => {
    if (epoch < 0) return;
    let watchId: string | null = null;
    let active = true;
    client
      .call('watch.subscribe', { connectionId, path, children })
      .then((result) => {
        watchId = result.watchId;
        if (!active) void client.call('watch.unsubscribe', { watchId }).catch(() => undefined);
      })
      // A watch that cannot be set (node gone, session lost) only costs liveness; the view still works.
      .catch(() => undefined);
    return () => {
      active = false;
      if (watchId) void client.call('watch.unsubscribe', { watchId }).catch(() => undefined);
    };
  }, [client, connectionId, path, children, epoch]);
}
