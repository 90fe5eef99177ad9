import { useTranslation } from 'react-i18next';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { queryKeys } from '../../api/query-keys.js';
import { useConnections } from '../../api/useConnections.js';
import { useEvent } from '../../api/useEvent.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useClient } from '../../transport/ClientContext.js';
import { hostKeyRefusalOf, type HostKeyRefusal } from '../connections/host-key-refusal.js';
import { ProfileHostKeyPrompt } from '../connections/ProfileHostKeyPrompt.js';
import type { ActiveSession, SessionApi } from './active-session.js';

const SessionContext = createContext<SessionApi | null>(null);

/**
 * Owns the open connection: opens, closes, follows `connection.state` and `tunnel.state` events, and asks
 * about an SSH host key a connect was refused over.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('session');

  const client = useClient();
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const profiles = useConnections().data;
  const [opened, setOpenedState] = useState<ActiveSession | null>(null);
  const [connectingId, setConnectingId] = useState<string | null>(null);
  // A connect refused over an SSH host key: asked about (unknown) or warned of (changed), not toasted.
  const [refused, setRefused] = useState<{ profile: ConnectionProfile; refusal: HostKeyRefusal } | null>(
    null,
  );
  // Mirrors `opened` synchronously, so back-to-back events and calls never act on a stale session.
  const openedRef = useRef<ActiveSession | null>(null);
  const setOpened = useCallback((next: ActiveSession | null) => {
    openedRef.current = next;
    setOpenedState(next);
  }, []);

  const connect = useCallback(
    (profile: ConnectionProfile) => {
      setConnectingId(profile.id);
      client
        .call('connections.open', { id: profile.id })
        .then((session) => {
          const previous = openedRef.current;
          if (previous && previous.profile.id !== profile.id) {
            void client.call('connections.close', { id: previous.profile.id }).catch(() => undefined);
          }
          setOpened({
            profile,
            session,
            state: session.state,
            stateMessage: session.stateMessage,
            stateChanges: 0,
          });
          // A fresh session: whatever was cached from an earlier one must be read again.
          void queryClient.invalidateQueries({ queryKey: queryKeys.connection(session.connectionId) });
        })
        .catch((error: unknown) => {
          const refusal = hostKeyRefusalOf(error);
          if (refusal) setRefused({ profile, refusal });
          else showError(error, t('sessionProvider.connectTo', { name: profile.name }));
        })
        .finally(() => setConnectingId(null));
    },
    [client, queryClient, showError, setOpened, t],
  );

  const disconnect = useCallback(() => {
    const previous = openedRef.current;
    if (previous) void client.call('connections.close', { id: previous.profile.id }).catch(() => undefined);
    setOpened(null);
  }, [client, setOpened]);

  useEvent('connection.state', ({ connectionId, state, message }) => {
    const previous = openedRef.current;
    if (!previous || previous.session.connectionId !== connectionId) return;
    // Back after an outage: what is on screen may have changed meanwhile.
    if (state === 'connected' && previous.state !== 'connected') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.connection(connectionId) });
    }
    setOpened({ ...previous, state, stateMessage: message, stateChanges: previous.stateChanges + 1 });
  });

  // The SSH tunnel under the session dropped, came back or failed: the status bar follows it.
  useEvent('tunnel.state', ({ connectionId, tunnel }) => {
    const previous = openedRef.current;
    if (!previous || previous.session.connectionId !== connectionId) return;
    setOpened({ ...previous, session: { ...previous.session, tunnel } });
  });

  // The saved profile may be edited while open (environment, read-only): always show the latest.
  const active = useMemo(() => {
    if (!opened) return null;
    const latest = profiles?.find((p) => p.id === opened.profile.id);
    return latest ? { ...opened, profile: latest } : opened;
  }, [opened, profiles]);

  const api = useMemo(
    () => ({ active, connectingId, connect, disconnect }),
    [active, connectingId, connect, disconnect],
  );
  return (
    <SessionContext.Provider value={api}>
      {children}
      {refused && (
        <ProfileHostKeyPrompt
          profile={refused.profile}
          refusal={refused.refusal}
          onTrusted={connect}
          onClose={() => setRefused(null)}
        />
      )}
    </SessionContext.Provider>
  );
}

/** The open connection and the actions on it. */
export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession must be used inside <SessionProvider>');
  return api;
}
