import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { TextInput } from '../../components/TextInput.js';
import type { TypedConfirmation } from '../../hooks/useTypedConfirmation.js';

interface Props {
  /** The target's confirmation (its connection's name when it is prod). */
  target: TypedConfirmation;
  /** A move's source confirmation, when the source is another prod connection. */
  source: TypedConfirmation;
  onSubmit: () => void;
}

function ConfirmField({
  id,
  what,
  confirm,
  onSubmit,
}: {
  id: string;
  what: string;
  confirm: TypedConfirmation;
  onSubmit: () => void;
}) {
  const { t } = useTranslation('copy');

  if (!confirm.required) return null;
  return (
    <Field
      id={id}
      label={
        <>
          {t('confirmField.theIsA', { what })} <b className="prod-text">{t('confirmField.production')}</b>{' '}
          {t('confirmField.connectionTypeItsName')} <b className="mono">{confirm.expected}</b>{' '}
          {t('confirmField.toConfirm')}
        </>
      }
    >
      <TextInput
        id={id}
        testId={`${id}-input`}
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

/** The typed confirmations a copy to prod (and a move out of prod) asks for; the core checks them. */
export function CopyConfirmFields({ target, source, onSubmit }: Props) {
  return (
    <>
      <ConfirmField id="copy-confirm" what="target" confirm={target} onSubmit={onSubmit} />
      <ConfirmField id="copy-source-confirm" what="source" confirm={source} onSubmit={onSubmit} />
    </>
  );
}
