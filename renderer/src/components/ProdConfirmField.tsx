import { useTranslation } from 'react-i18next';
import type { TypedConfirmation } from '../hooks/useTypedConfirmation.js';
import { Field } from './Field.js';
import { TextInput } from './TextInput.js';

interface Props {
  id: string;
  testId: string;
  /** What must be typed (the path, also shown as the placeholder); nothing is shown when not required. */
  confirm: TypedConfirmation;
  /** Enter submits, like the dialog's main button. */
  onSubmit: () => void;
}

/** The typed confirmation every single-node write on a prod connection asks for (the core checks it). */
export function ProdConfirmField({ id, testId, confirm, onSubmit }: Props) {
  const { t } = useTranslation('common');

  if (!confirm.required) return null;
  const label = (
    <>
      {t('prodConfirmField.thisIsA')} <b className="prod-text">{t('prodConfirmField.production')}</b>{' '}
      {t('prodConfirmField.connectionTypeThePath')}
    </>
  );
  return (
    <Field id={id} label={label}>
      <TextInput
        id={id}
        testId={testId}
        mono
        spellCheck={false}
        placeholder={confirm.expected}
        value={confirm.typed}
        onValue={confirm.setTyped}
        onEnter={onSubmit}
      />
    </Field>
  );
}
