import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('edit');

  return (
    <Dialog
      title={t('validationErrorDialog.invalid', { formatLabel })}
      onClose={onClose}
      testId="validation-dialog"
      tone="danger"
      footer={
        <>
          <button className="btn btn-primary" data-testid="validation-fix" onClick={onClose}>
            {t('validationErrorDialog.fixIt')}
          </button>
          <button className="btn btn-danger" data-testid="save-anyway" onClick={onSaveAnyway}>
            {t('validationErrorDialog.saveAnyway')}
          </button>
        </>
      }
    >
      <div data-testid="validation-error" data-line={line} data-column={column}>
        <b>{t('validationErrorDialog.lineColumn', { line, column })}</b> {message}
      </div>
      <div className="muted">{t('validationErrorDialog.theValueIsNot', { formatLabel })}</div>
    </Dialog>
  );
}
