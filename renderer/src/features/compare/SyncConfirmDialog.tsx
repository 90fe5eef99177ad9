import { useState } from 'react';
import { Dialog } from '../../components/Dialog.js';

interface Props {
  targetLabel: string;
  /** The target connection's name, which the user must type. */
  expected: string;
  count: number;
  onConfirm: (confirmation: string) => void;
  onClose: () => void;
}

/** Production guard: applying a sync to prod needs the target connection's name typed out. */
export function SyncConfirmDialog({ targetLabel, expected, count, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState('');
  return (
    <Dialog
      tone="danger"
      title={
        <>
          <span className="env-label" data-env="prod">
            PRODUCTION
          </span>{' '}
          Sync into {targetLabel}
        </>
      }
      onClose={onClose}
      testId="sync-confirm-dialog"
      footer={
        <>
          <span className="spacer" />
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-danger"
            data-testid="sync-confirm-submit"
            disabled={typed !== expected}
            onClick={() => onConfirm(typed)}
          >
            Write {count} change{count === 1 ? '' : 's'} to production
          </button>
        </>
      }
    >
      <p>
        Type the target connection’s name <b className="mono">{expected}</b> to confirm.
      </p>
      <input
        className="input mono"
        data-testid="sync-confirm-input"
        spellCheck={false}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
      />
    </Dialog>
  );
}
