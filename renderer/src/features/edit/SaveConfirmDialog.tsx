import { Dialog } from '../../components/Dialog.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';

interface Props {
  path: string;
  original: string;
  modified: string;
  language: string;
  prod: boolean;
  saving: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "What I am about to write": the server value (left) against the edited one (right) before saving. */
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
            disabled={saving}
            onClick={onConfirm}
          >
            {saving ? 'Saving…' : prod ? 'Write to production' : 'Save'}
          </button>
        </>
      }
    >
      <div className="dialog-diff">
        <DiffEditor original={original} modified={modified} language={language} testId="save-diff" />
      </div>
    </Dialog>
  );
}
