import { memo, useCallback, useMemo, useState } from 'react';
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
import { PaletteProvider } from './features/palette/PaletteProvider.js';
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
import type { CompareRequest } from './features/tabs/compare-from-tabs.js';
import { ConnectionTabs } from './features/tabs/ConnectionTabs.js';
import { NoConnection } from './features/tabs/NoConnection.js';
import { useTabSelections } from './features/tabs/tab-selections.js';
import './App.css';

// Every tab's browser stays mounted; a change of another tab (or of the window) must not re-render it.
const TabBrowser = memo(BrowserScreen);

/**
 * The window: environment frame, header, the connection tabs, banners, connection list, the active view,
 * status bar. Frame, header, banners and views follow the tab shown.
 */
export function App() {
  const { active, sessions, connect } = useSession();
  const profiles = useConnections().data;
  const [chosen, setTab] = useState<AppTab>('browser');
  const [browseTo, setBrowseTo] = useState<BrowseRequest | null>(null);
  const capabilities = active?.session.capabilities ?? null;
  const tabs = useMemo(() => availableTabs(capabilities), [capabilities]);
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
  const selections = useTabSelections();
  const [compareRequest, setCompareRequest] = useState<CompareRequest | null>(null);
  // From the tab strip, or the palette's "run the last compare again": a new object each time, so the
  // same pair asked for twice runs twice.
  const compareFromTabs = useCallback((request: CompareRequest) => {
    setCompareRequest({ left: request.left, right: request.right });
    setTab('compare');
  }, []);
  const compareTaken = useCallback(() => setCompareRequest(null), []);

  return (
    <WatchProvider active={active} onShow={showWatch}>
      <PaletteProvider tabs={tabs} onTab={setTab} onBrowse={openInBrowser} onCompareAgain={compareFromTabs}>
        <CopyDialogProvider>
          <EnvFrame env={active?.profile.environment ?? null}>
            <AppHeader tab={tab} tabs={tabs} onTab={setTab} />
            <ConnectionTabs selectedOf={selections.selectedOf} onCompare={compareFromTabs} />
            <TransportBanner />
            <SessionBanner />
            <div className="workspace">
              <ConnectionSidebar />
              <main className="main-view">
                {tab === 'audit' && <AuditView />}
                {/* Kept mounted too: a finished comparison and its sync plan survive a look at another tab. */}
                <div className="tab-pane" hidden={tab !== 'compare'}>
                  <CompareView request={compareRequest} onRequestTaken={compareTaken} />
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
                {/* Every tab's browser stays mounted behind the others and the other views (display: none): its
                    tree, selection, open node, unsaved edit and scroll position survive a look elsewhere. */}
                <div className="tab-pane" hidden={tab !== 'browser'}>
                  {sessions.map((session) => (
                    <div
                      key={session.profile.id}
                      className="connection-pane"
                      id={`connection-pane-${session.profile.id}`}
                      role="tabpanel"
                      aria-labelledby={`connection-tab-${session.profile.id}`}
                      data-testid="connection-pane"
                      data-connection-id={session.profile.id}
                      hidden={session !== active}
                    >
                      <TabBrowser
                        key={session.session.connectionId}
                        active={session}
                        browseTo={browseTo}
                        onBrowsed={browsed}
                        onSelection={selections.report}
                      />
                    </div>
                  ))}
                  {!active && <NoConnection />}
                </div>
              </main>
            </div>
            <StatusBar />
          </EnvFrame>
        </CopyDialogProvider>
      </PaletteProvider>
    </WatchProvider>
  );
}
