import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { useToasts } from '../../errors/ToastContext.js';
import { HistoryView } from './HistoryView.js';

interface Props {
  connectionId: string;
  path: string;
  prod: boolean;
  cannotWrite: string | null;
}

/**
 * A path that does not exist (deleted, or never created): says so, and offers its history, where a version
 * can be restored to create the node again (the value panel opens it once written).
 */
export function MissingNodeHistory({ connectionId, path, prod, cannotWrite }: Props) {
  const { t } = useTranslation('history');

  const [shown, setShown] = useState(false);
  const { showError } = useToasts();
  if (!shown) {
    return (
      <div className="empty-state" data-testid="value-error" data-code="NOT_FOUND">
        <h2>{t('missingNodeHistory.doesNotExist', { path })}</h2>
        <span>{t('missingNodeHistory.itMayHaveBeen')}</span>
        <Button small testId="missing-history-button" onClick={() => setShown(true)}>
          {t('missingNodeHistory.showItsHistory')}
        </Button>
      </div>
    );
  }
  return (
    <div className="value-panel" data-testid="value-panel" data-path={path} data-pane="history">
      <div className="notice notice-warn">{t('missingNodeHistory.doesNotExistNow', { path })}</div>
      <HistoryView
        connectionId={connectionId}
        path={path}
        current={null}
        language="plaintext"
        prod={prod}
        cannotWrite={cannotWrite}
        deleted
        dirty={false}
        // The restore puts the node as written into the cache: the value panel shows it at once.
        onRestored={() => undefined}
        onConflict={(error) => showError(error, `Restore ${path}`)}
      />
    </div>
  );
}
