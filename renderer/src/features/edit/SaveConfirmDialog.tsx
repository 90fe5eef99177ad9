import { useState } from 'react';
import { Dialog } from '../../components/Dialog.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';

interface Props {
  path: string;
  original: string;
  modified: string;
  language: string;
  prod: boolean;
  saving: boolean;
  /** Called with the typed path on a prod connection (the core checks it), without one elsewhere. */
  onConfirm: (confirmation?: string) => void;
  onClose: () => void;
}

/**
 * "What I am about to write": the server value (left) against the edited one (right) before saving; on a
 * prod connection the path must be typed, as for every write there.
 */
export function SaveConfirmDialog({
  path,
  original,
  modified,
  language,
  prod,
  saving,
  onConfirm,
  onClose,
}: Props) {
  const [typed, setTyped] = useState('');
  const ready = (!prod || typed === path) && !saving;
  const submit = () => ready && onConfirm(prod ? typed : undefined);
  return (
    <Dialog
      size="wide"
      tone={prod ? 'danger' : 'normal'}
      title={
        <>
          {prod && (
            <span className="env-label" data-env="prod">
              PRODUCTION
            </span>
          )}{' '}
          Save <span className="mono">{path}</span>
        </>
      }
      onClose={onClose}
      testId="save-confirm-dialog"
      footer={
        <>
          <span className="muted">
            Left: value on the server when you opened it · Right: what will be written
          </span>
          <span className="spacer" />
          <button className="btn" data-testid="save-cancel" onClick={onClose}>
            Cancel
          </button>
          <button
            className={`btn ${prod ? 'btn-danger' : 'btn-primary'}`}
            data-testid="save-confirm"
            disabled={!ready}
            onClick={submit}
          >
            {saving ? 'Saving…' : prod ? 'Write to production' : 'Save'}
          </button>
        </>
      }
    >
      <div className="dialog-diff">
        <DiffEditor original={original} modified={modified} language={language} testId="save-diff" />
      </div>
      {prod && (
        <ProdConfirmField
          id="save-confirm-input"
          testId="save-confirm-input"
          expected={path}
          value={typed}
          onChange={setTyped}
          onSubmit={submit}
        />
      )}
    </Dialog>
  );
}
