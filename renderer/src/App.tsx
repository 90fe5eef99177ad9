import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import { useConnections } from './api/useConnections.js';
import { useAuditLive } from './api/useAuditLive.js';
import { useReconnectRefresh } from './api/useReconnectRefresh.js';
import { AccessView } from './features/access/AccessView.js';
import { AuditView } from './features/audit/AuditView.js';
import type { BrowseRequest } from './features/browser/browse-request.js';
import { BrowserScreen } from './features/browser/BrowserScreen.js';
import { ClusterView } from './features/cluster/ClusterView.js';
import { CopyDialogProvider } from './features/copy/CopyDialogProvider.js';
import { CompareView } from './features/compare/CompareView.js';
import { ConnectionSidebar } from './features/connections/ConnectionSidebar.js';
import { availableTabs, type AppTab } from './features/layout/app-tabs.js';
import { AppHeader } from './features/layout/AppHeader.js';
import { EnvFrame } from './features/layout/EnvFrame.js';
import { SessionBanner } from './features/layout/SessionBanner.js';
import { StatusBar } from './features/layout/StatusBar.js';
import { TransportBanner } from './features/layout/TransportBanner.js';
import { SearchView } from './features/search/SearchView.js';
import { ServersView } from './features/servers/ServersView.js';
import { ServicesView } from './features/services/ServicesView.js';
import { useSession } from './features/session/SessionProvider.js';
import { WatchProvider } from './features/watch/WatchProvider.js';
import { WatchView } from './features/watch/WatchView.js';
import './App.css';

/** The window: environment frame, header, banners, connection list, the active view, status bar. */
export function App() {
  const { t } = useTranslation('layout');

  const { active, connect } = useSession();
  const profiles = useConnections().data;
  const [chosen, setTab] = useState<AppTab>('browser');
  const [browseTo, setBrowseTo] = useState<BrowseRequest | null>(null);
  const tabs = availableTabs(active?.session.capabilities ?? null);
  // A registry tab chosen on one connection falls back to the browser on a connection without it.
  const tab = tabs.includes(chosen) ? chosen : 'browser';
  const connectionKey = active?.session.connectionId;
  useAuditLive();
  useReconnectRefresh();
  const showWatch = useCallback(() => setTab('watch'), []);
  const activeId = active?.profile.id ?? null;
  // A search result of another saved connection connects to it first; its browser reveals the node once up.
  const openInBrowser = useCallback(
    (connectionId: string, path: string) => {
      setBrowseTo({ connectionId, path });
      setTab('browser');
      const profile = profiles?.find((p) => p.id === connectionId);
      if (connectionId !== activeId && profile) connect(profile);
    },
    [activeId, profiles, connect],
  );
  const browsed = useCallback(() => setBrowseTo(null), []);

  return (
    <WatchProvider active={active} onShow={showWatch}>
      <CopyDialogProvider>
        <EnvFrame env={active?.profile.environment ?? null}>
          <AppHeader tab={tab} tabs={tabs} onTab={setTab} />
          <TransportBanner />
          <SessionBanner />
          <div className="workspace">
            <ConnectionSidebar />
            <main className="main-view">
              {tab === 'audit' && <AuditView />}
              {/* Kept mounted too: a finished comparison and its sync plan survive a look at another tab. */}
              <div className="tab-pane" hidden={tab !== 'compare'}>
                <CompareView />
              </div>
              {/* Kept mounted too: the matches stay while a result is looked at in the browser. */}
              <div className="tab-pane" hidden={tab !== 'search'}>
                <SearchView onOpen={openInBrowser} />
              </div>
              {tab === 'watch' && <WatchView active={active} />}
              {tab === 'servers' && active && <ServersView key={connectionKey} active={active} />}
              {tab === 'services' && active && <ServicesView key={connectionKey} active={active} />}
              {tab === 'cluster' && active && <ClusterView key={connectionKey} active={active} />}
              {tab === 'access' && active && <AccessView key={connectionKey} active={active} />}
              {/* The browser stays mounted behind the other tabs: the tree and unsaved edits survive a look at them. */}
              <div className="tab-pane" hidden={tab !== 'browser'}>
                {active ? (
                  <BrowserScreen
                    key={connectionKey}
                    active={active}
                    browseTo={browseTo}
                    onBrowsed={browsed}
                  />
                ) : (
                  <div className="empty-state" data-testid="no-connection">
                    <h2>{t('app.noConnectionOpen')}</h2>
                    <span>{t('app.pickASavedConnection')}</span>
                  </div>
                )}
              </div>
            </main>
          </div>
          <StatusBar />
        </EnvFrame>
      </CopyDialogProvider>
    </WatchProvider>
  );
}
