import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from './api-client.js';
import type { TransportStatus } from './transport.types.js';

const ClientContext = createContext<ApiClient | null>(null);

/** Makes the typed client available to every hook below. */
export function ClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/** The typed contract client. */
export function useClient(): ApiClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}

/** The live transport status (connected / connecting / disconnected with retry time). */
export function useTransportStatus(): TransportStatus {
  const { transport } = useClient();
  return useSyncExternalStore(
    (listener) => transport.onStatus(listener),
    () => transport.getStatus(),
  );
}
