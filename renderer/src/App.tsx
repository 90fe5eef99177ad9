import { useState } from 'react';
import { useAuditLive } from './api/useAuditLive.js';
import { useReconnectRefresh } from './api/useReconnectRefresh.js';
import { AuditView } from './features/audit/AuditView.js';
import { BrowserScreen } from './features/browser/BrowserScreen.js';
import { ConnectionSidebar } from './features/connections/ConnectionSidebar.js';
import { AppHeader, type AppTab } from './features/layout/AppHeader.js';
import { EnvFrame } from './features/layout/EnvFrame.js';
import { SessionBanner } from './features/layout/SessionBanner.js';
import { StatusBar } from './features/layout/StatusBar.js';
import { TransportBanner } from './features/layout/TransportBanner.js';
import { useSession } from './features/session/SessionProvider.js';
import './App.css';

/** The window: environment frame, header, banners, connection list, the active view, status bar. */
export function App() {
  const { active } = useSession();
  const [tab, setTab] = useState<AppTab>('browser');
  useAuditLive();
  useReconnectRefresh();

  return (
    <EnvFrame env={active?.profile.environment ?? null}>
      <AppHeader tab={tab} onTab={setTab} />
      <TransportBanner />
      <SessionBanner />
      <div className="workspace">
        <ConnectionSidebar />
        <main className="main-view">
          {tab === 'audit' && <AuditView />}
          {tab === 'browser' &&
            (active ? (
              <BrowserScreen key={active.session.connectionId} active={active} />
            ) : (
              <div className="empty-state" data-testid="no-connection">
                <h2>No connection open</h2>
                <span>
                  Pick a saved connection on the left and press Connect, or create one with “+ New”.
                </span>
              </div>
            ))}
        </main>
      </div>
      <StatusBar />
    </EnvFrame>
  );
}
