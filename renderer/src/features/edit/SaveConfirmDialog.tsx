import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { PathTitle } from '../../components/PathTitle.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
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
  const { t } = useTranslation('edit');

  const confirm = useTypedConfirmation(prod, path);
  const ready = confirm.confirmed && !saving;
  const submit = () => ready && onConfirm(confirm.confirmation);
  return (
    <Dialog
      size="wide"
      tone={prod ? 'danger' : 'normal'}
      title={<PathTitle action="Save" path={path} prod={prod} />}
      onClose={onClose}
      testId="save-confirm-dialog"
      footer={
        <>
          <span className="muted">{t('saveConfirmDialog.leftValueOnThe')}</span>
          <span className="spacer" />
          <ConfirmButtons
            onCancel={onClose}
            cancelTestId="save-cancel"
            label={
              saving
                ? t('saveConfirmDialog.saving')
                : prod
                  ? t('saveConfirmDialog.writeToProduction')
                  : t('saveConfirmDialog.save')
            }
            testId="save-confirm"
            tone={prod ? 'danger' : 'primary'}
            disabled={!ready}
            onConfirm={submit}
          />
        </>
      }
    >
      <div className="dialog-diff">
        <DiffEditor original={original} modified={modified} language={language} testId="save-diff" />
      </div>
      <ProdConfirmField
        id="save-confirm-input"
        testId="save-confirm-input"
        confirm={confirm}
        onSubmit={submit}
      />
    </Dialog>
  );
}
