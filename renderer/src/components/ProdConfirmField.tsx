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
  if (!confirm.required) return null;
  const label = (
    <>
      This is a <b className="prod-text">PRODUCTION</b> connection. Type the path to confirm:
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
