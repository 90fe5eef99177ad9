import { useTranslation } from 'react-i18next';
import { DiffEditor } from '../../monaco/LazyEditors.js';

interface Props {
  reason: 'conflict' | 'changed';
  serverText: string | null;
  mineText: string;
  language: string;
  onReloadServer: () => void;
  onKeepEditing: () => void;
}

/**
 * The current server value beside the user's (nothing is overwritten). Reload discards the user's
 * edits; Keep editing continues with them against the newer server version.
 */
export function ConflictPanel({
  reason,
  serverText,
  mineText,
  language,
  onReloadServer,
  onKeepEditing,
}: Props) {
  const { t } = useTranslation('edit');

  return (
    <div className="conflict-panel" data-testid="conflict-panel" data-reason={reason}>
      <div className={`notice ${reason === 'conflict' ? 'notice-danger' : 'notice-warn'} conflict-head`}>
        <div className="conflict-text">
          <b>
            {reason === 'conflict'
              ? t('conflictPanel.notSavedTheValue')
              : t('conflictPanel.changedOnTheServer')}
          </b>
          <span>
            {serverText === null
              ? t('conflictPanel.theNodeNoLonger')
              : t('conflictPanel.nothingWasOverwrittenLeft')}
          </span>
        </div>
        <button className="btn btn-sm" data-testid="conflict-reload" onClick={onReloadServer}>
          {t('conflictPanel.reloadServerValueDiscard')}
        </button>
        <button className="btn btn-sm btn-primary" data-testid="conflict-keep" onClick={onKeepEditing}>
          {t('conflictPanel.keepEditing')}
        </button>
      </div>
      <div className="conflict-diff">
        <DiffEditor
          original={serverText ?? ''}
          modified={mineText}
          language={language}
          testId="conflict-diff"
        />
      </div>
    </div>
  );
}
