import { Dialog } from '../../components/Dialog.js';

interface Props {
  formatLabel: string;
  message: string;
  line: number;
  column: number;
  onSaveAnyway: () => void;
  onClose: () => void;
}

/** Invalid JSON/YAML is not saved unless the user insists. */
export function ValidationErrorDialog({ formatLabel, message, line, column, onSaveAnyway, onClose }: Props) {
  return (
    <Dialog
      title={`Invalid ${formatLabel}`}
      onClose={onClose}
      testId="validation-dialog"
      tone="danger"
      footer={
        <>
          <button className="btn btn-primary" data-testid="validation-fix" onClick={onClose}>
            Fix it
          </button>
          <button className="btn btn-danger" data-testid="save-anyway" onClick={onSaveAnyway}>
            Save anyway
          </button>
        </>
      }
    >
      <div data-testid="validation-error" data-line={line} data-column={column}>
        <b>
          Line {line}, column {column}:
        </b>{' '}
        {message}
      </div>
      <div className="muted">The value is not valid {formatLabel}. Consumers parsing it may fail.</div>
    </Dialog>
  );
}
