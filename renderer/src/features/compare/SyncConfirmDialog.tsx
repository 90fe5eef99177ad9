import { useTranslation } from 'react-i18next';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { ProdLabel } from '../../components/PathTitle.js';
import { TextInput } from '../../components/TextInput.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';

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
  const { t } = useTranslation('compare');

  const confirm = useTypedConfirmation(true, expected);
  return (
    <Dialog
      tone="danger"
      title={
        <>
          <ProdLabel /> {t('syncConfirmDialog.syncInto', { targetLabel })}
        </>
      }
      onClose={onClose}
      testId="sync-confirm-dialog"
      footer={
        <>
          <span className="spacer" />
          <ConfirmButtons
            onCancel={onClose}
            label={<>{t('syncConfirmDialog.writeChangesToProduction', { count })}</>}
            testId="sync-confirm-submit"
            tone="danger"
            disabled={!confirm.confirmed}
            onConfirm={() => onConfirm(confirm.typed)}
          />
        </>
      }
    >
      <p>
        {t('syncConfirmDialog.typeTheTargetConnection')} <b className="mono">{expected}</b>{' '}
        {t('syncConfirmDialog.toConfirm')}
      </p>
      <TextInput
        testId="sync-confirm-input"
        mono
        spellCheck={false}
        value={confirm.typed}
        onValue={confirm.setTyped}
      />
    </Dialog>
  );
}
