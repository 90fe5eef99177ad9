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
        Write {describeVersion(entry)}
        {entry.author ? <> by {entry.author}</> : null} {deleted ? 'to create the node again' : 'again'}. It
        is written like a save: audited, and refused if the node changed since you read it.
      </p>
      {entry.md5 && (
        <div className="muted" style={{ fontSize: 12 }}>
          md5 of the value: <span className="mono">{entry.md5}</span>
        </div>
      )}
      {dirty && (
        <div className="notice notice-warn" style={{ borderRadius: 4 }}>
          Your unsaved edits in the editor will be replaced by this version.
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
          label={pending ? 'Restoring…' : prod ? 'Restore on production' : 'Restore'}
          testId="restore-confirm"
          tone={prod ? 'danger' : 'primary'}
          disabled={!ready}
          onConfirm={submit}
        />
      </div>
    </Dialog>
  );
}
