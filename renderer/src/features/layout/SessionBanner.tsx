import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useSession } from '../session/SessionProvider.js';
import { connectedNotice } from './session-notice.js';

/**
 * Warns when the open connection is reconnecting or its session expired, with a way to reconnect; once
 * connected again, says what the server told (read-only, a renewed session) until dismissed, without
 * blocking anything.
 */
export function SessionBanner() {
  const { t } = useTranslation('layout');

  const { active, connect, connectingId } = useSession();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!active) return null;
  if (active.state === 'reconnecting' || active.state === 'connecting') {
    return (
      <div className="notice notice-warn" data-testid="session-banner" data-state={active.state}>
        <b>{t('sessionBanner.connectionToLost', { name: active.profile.name })}</b>{' '}
        {t('sessionBanner.reconnectingValuesShownMay')}
      </div>
    );
  }
  if (active.state === 'expired' || active.state === 'disconnected' || active.state === 'closed') {
    return (
      <div className="notice notice-danger" data-testid="session-banner" data-state={active.state}>
        <b>{t('sessionBanner.session', { state: active.state })}</b>
        <span>{active.stateMessage ?? t('sessionBanner.ephemeralNodesAndWatches')}</span>
        <span className="spacer" />
        <button
          className="btn btn-sm"
          disabled={connectingId !== null}
          onClick={() => connect(active.profile)}
        >
          {t('sessionBanner.reconnect')}
        </button>
      </div>
    );
  }
  const notice = connectedNotice(active);
  if (notice && notice.key !== dismissed) {
    return (
      <div className="notice notice-info" data-testid="session-notice" role="status">
        <b>{active.profile.name}</b>
        <span>{notice.message}</span>
        <span className="spacer" />
        <button
          className="btn btn-sm"
          data-testid="session-notice-dismiss"
          onClick={() => setDismissed(notice.key)}
        >
          {t('sessionBanner.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
