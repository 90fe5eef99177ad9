import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import type { HistoryEntry } from '../../../../shared/model/history.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { PathTitle } from '../../components/PathTitle.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import { describeVersion } from './history-labels.js';

interface Props {
  path: string;
  entry: HistoryEntry;
  prod: boolean;
  /** The editor holds unsaved edits that the restore will replace. */
  dirty: boolean;
  /** The node is gone on the server: the restore creates it again. */
  deleted: boolean;
  pending: boolean;
  /** Called with the typed path on a prod connection (the core checks it), without one elsewhere. */
  onConfirm: (confirmation?: string) => void;
  onClose: () => void;
}

/** Confirms writing an earlier version again; on prod the path must be typed, as for a delete. */
export function RestoreDialog({ path, entry, prod, dirty, deleted, pending, onConfirm, onClose }: Props) {
  const { t } = useTranslation('history');
  const format = useFormat();

  const confirm = useTypedConfirmation(prod, path);
  const ready = confirm.confirmed && !pending;
  const submit = () => ready && onConfirm(confirm.confirmation);
  return (
    <Dialog
      title={<PathTitle action="Restore" path={path} />}
      onClose={onClose}
      testId="restore-dialog"
      tone={prod ? 'danger' : 'normal'}
    >
      <p style={{ margin: 0 }}>
        {t('restoreDialog.write', { describeVersion: describeVersion(entry, t, format) })}
        {entry.author ? <> {t('restoreDialog.by', { author: entry.author })}</> : null}{' '}
        {deleted ? t('restoreDialog.toCreateTheNode') : t('restoreDialog.again')}
        {t('restoreDialog.itIsWrittenLike')}
      </p>
      {entry.md5 && (
        <div className="muted" style={{ fontSize: 12 }}>
          {t('restoreDialog.md5OfTheValue')} <span className="mono">{entry.md5}</span>
        </div>
      )}
      {dirty && (
        <div className="notice notice-warn" style={{ borderRadius: 4 }}>
          {t('restoreDialog.yourUnsavedEditsIn')}
        </div>
      )}
      <ProdConfirmField
        id="restore-confirm-input"
        testId="restore-confirm-input"
        confirm={confirm}
        onSubmit={submit}
      />
      <div className="dialog-actions">
        <ConfirmButtons
          onCancel={onClose}
          label={
            pending
              ? t('restoreDialog.restoring')
              : prod
                ? t('restoreDialog.restoreOnProduction')
                : t('restoreDialog.restore')
          }
          testId="restore-confirm"
          tone={prod ? 'danger' : 'primary'}
          disabled={!ready}
          onConfirm={submit}
        />
      </div>
    </Dialog>
  );
}
