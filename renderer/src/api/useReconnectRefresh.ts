import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTransportStatus } from '../transport/ClientContext.js';

/** After the transport comes back (browser mode), everything shown may be stale: refetch it all. */
export function useReconnectRefresh(): void {
  const status = useTransportStatus();
  const queryClient = useQueryClient();
  const lastEpoch = useRef(0);
  useEffect(() => {
    if (status.state !== 'connected') return;
    if (lastEpoch.current > 0 && status.epoch !== lastEpoch.current) void queryClient.invalidateQueries();
    lastEpoch.current = status.epoch;
  }, [status, queryClient]);
}
