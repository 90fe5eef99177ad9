import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';

interface Props {
  name: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before a tab holding an unsaved edit is closed (its session goes, and the edit with it). */
export function CloseUnsavedDialog({ name, onCancel, onConfirm }: Props) {
  const { t } = useTranslation('tabs');
  return (
    <Dialog
      title={t('closeUnsaved.title', { name })}
      onClose={onCancel}
      testId="close-unsaved-dialog"
      tone="danger"
      footer={
        <ConfirmButtons
          onCancel={onCancel}
          cancelTestId="close-unsaved-cancel"
          label={t('closeUnsaved.confirm')}
          testId="close-unsaved-confirm"
          tone="danger"
          disabled={false}
          onConfirm={onConfirm}
        />
      }
    >
      <p>{t('closeUnsaved.body')}</p>
    </Dialog>
  );
}
