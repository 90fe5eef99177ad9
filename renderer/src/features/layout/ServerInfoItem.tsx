import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { ServerInfoDialog } from '../session/ServerInfoDialog.js';
import type { ActiveSession } from '../session/active-session.js';

/** The status bar's "Server info": opens the server's features; absent when the driver detected none. */
export function ServerInfoItem({ active }: { active: ActiveSession }) {
  const { t } = useTranslation('layout');

  const [open, setOpen] = useState(false);
  const { features, server } = active.session;
  if (features.length === 0) return null;
  return (
    <>
      <button
        className="status-item status-button"
        data-testid="server-info-button"
        aria-haspopup="dialog"
        title={t('serverInfoItem.whatThisServerOffers')}
        onClick={() => setOpen(true)}
      >
        {t('serverInfoItem.serverInfo')}
      </button>
      {/* Out of the status bar, whose one-line, clipped text the dialog must not inherit. */}
      {open &&
        createPortal(
          <ServerInfoDialog
            connectionName={active.profile.name}
            server={server}
            features={features}
            onClose={() => setOpen(false)}
          />,
          document.body,
        )}
    </>
  );
}
