import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { queryKeys } from '../../api/query-keys.js';
import { useConnections } from '../../api/useConnections.js';
import { useEvent } from '../../api/useEvent.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useClient } from '../../transport/ClientContext.js';
import { hostKeyRefusalOf, type HostKeyRefusal } from '../connections/host-key-refusal.js';
import { ProfileHostKeyPrompt } from '../connections/ProfileHostKeyPrompt.js';
import { CloseUnsavedDialog } from '../tabs/CloseUnsavedDialog.js';
import { activateTab, cycleTab, tabOfDigit, type TabOrder } from '../tabs/tab-order.js';
import { UnsavedEdits } from '../tabs/unsaved-edits.js';
import type { ActiveSession, SessionApi } from './active-session.js';
import {
  NO_SESSIONS,
  withClosed,
  withLatestProfiles,
  withOpened,
  withSessionOf,
  type TabsState,
} from './tabs-state.js';

const SessionContext = createContext<SessionApi | null>(null);

/** A tab whose session is still usable is only shown again; a lost or closed one is opened anew. */
function isLive(session: ActiveSession | undefined): boolean {
  return (
    session !== undefined &&
    session.state !== 'expired' &&
    session.state !== 'disconnected' &&
    session.state !== 'closed'
  );
}

/**
 * Owns the window's open connections, one tab each: opens, shows and closes them, follows
 * `connection.state` and `tunnel.state` events of every tab, and asks about an SSH host key a connect was
 * refused over.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('session');
  const client = useClient();
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const profiles = useConnections().data;
  const [tabs, setTabsState] = useState<TabsState>(NO_SESSIONS);
  const [connectingId, setConnectingId] = useState<string | null>(null);
  const [unsaved] = useState(() => new UnsavedEdits());
  // A tab with an unsaved edit asked to close: confirmed in a dialog first.
  const [closing, setClosing] = useState<ActiveSession | null>(null);
  // A connect refused over an SSH host key: asked about (unknown) or warned of (changed), not toasted.
  const [refused, setRefused] = useState<{ profile: ConnectionProfile; refusal: HostKeyRefusal } | null>(
    null,
  );
  // Mirrors `tabs` synchronously, so back-to-back events and calls never act on a stale state.
  const tabsRef = useRef<TabsState>(NO_SESSIONS);
  const setTabs = useCallback((change: (state: TabsState) => TabsState) => {
    const next = change(tabsRef.current);
    if (next === tabsRef.current) return;
    tabsRef.current = next;
    setTabsState(next);
  }, []);
  const setOrder = useCallback(
    (change: (order: TabOrder) => TabOrder) => setTabs((state) => ({ ...state, order: change(state.order) })),
    [setTabs],
  );

  const connect = useCallback(
    (profile: ConnectionProfile) => {
      if (isLive(tabsRef.current.sessions[profile.id])) {
        setOrder((order) => activateTab(order, profile.id));
        return Promise.resolve();
      }
      setConnectingId(profile.id);
      return client
        .call('connections.open', { id: profile.id })
        .then((session) => {
          setTabs((state) =>
            withOpened(state, {
              profile,
              session,
              state: session.state,
              stateMessage: session.stateMessage,
              stateChanges: 0,
            }),
          );
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
    [client, queryClient, showError, setTabs, setOrder, t],
  );

  const closeNow = useCallback(
    (id: string) => {
      if (!tabsRef.current.sessions[id]) return;
      void client.call('connections.close', { id }).catch(() => undefined);
      setTabs((state) => withClosed(state, id));
    },
    [client, setTabs],
  );

  const close = useCallback(
    (id: string) => {
      const session = tabsRef.current.sessions[id];
      if (!session) return;
      if (unsaved.has(id)) setClosing(session);
      else closeNow(id);
    },
    [unsaved, closeNow],
  );

  const disconnect = useCallback(() => {
    const id = tabsRef.current.order.activeId;
    if (id !== null) close(id);
  }, [close]);

  const activate = useCallback((id: string) => setOrder((order) => activateTab(order, id)), [setOrder]);
  const cycle = useCallback((step: 1 | -1) => setOrder((order) => cycleTab(order, step)), [setOrder]);
  const showDigit = useCallback((digit: number) => setOrder((order) => tabOfDigit(order, digit)), [setOrder]);

  useEvent('connection.state', ({ connectionId, state, message }) => {
    setTabs((tabsState) =>
      withSessionOf(tabsState, connectionId, (previous) => {
        // Back after an outage: what is on screen may have changed meanwhile.
        if (state === 'connected' && previous.state !== 'connected') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.connection(connectionId) });
        }
        return { ...previous, state, stateMessage: message, stateChanges: previous.stateChanges + 1 };
      }),
    );
  });

  // The SSH tunnel under a session dropped, came back or failed: the status bar follows it.
  useEvent('tunnel.state', ({ connectionId, tunnel }) => {
    setTabs((state) =>
      withSessionOf(state, connectionId, (previous) => ({
        ...previous,
        session: { ...previous.session, tunnel },
      })),
    );
  });

  // The saved profiles may be edited while open (environment, read-only): each tab shows the latest, and a
  // profile deleted while open takes its tab with it. Kept in the tab state (not merged at render) so a
  // tab's session object stays the same while nothing about it changes: hidden tabs do not re-render.
  useEffect(() => {
    if (!profiles) return;
    for (const id of tabsRef.current.order.ids) {
      if (!profiles.some((p) => p.id === id)) closeNow(id);
    }
    setTabs((state) => withLatestProfiles(state, profiles));
  }, [profiles, closeNow, setTabs]);

  const sessions = useMemo(() => tabs.order.ids.flatMap((id) => tabs.sessions[id] ?? []), [tabs]);
  const active = (tabs.order.activeId !== null ? tabs.sessions[tabs.order.activeId] : undefined) ?? null;

  const api = useMemo<SessionApi>(
    () => ({
      active,
      sessions,
      connectingId,
      connect,
      disconnect,
      activate,
      cycle,
      showDigit,
      close,
      unsaved,
    }),
    [active, sessions, connectingId, connect, disconnect, activate, cycle, showDigit, close, unsaved],
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
      {closing && (
        <CloseUnsavedDialog
          name={closing.profile.name}
          onCancel={() => setClosing(null)}
          onConfirm={() => {
            setClosing(null);
            closeNow(closing.profile.id);
          }}
        />
      )}
    </SessionContext.Provider>
  );
}

/** The open connections and the actions on them. */
export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession must be used inside <SessionProvider>');
  return api;
}
