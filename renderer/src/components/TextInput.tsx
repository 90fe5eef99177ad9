import type { ChangeEvent, InputHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface Own {
  value: string;
  onValue: (value: string) => void;
  testId: string;
  /** Paths, endpoints and tokens are shown in the monospace font. */
  mono?: boolean;
}

/** The attributes both text boxes share: the app's look, the test id, and the text reported. */
function textBoxProps({ value, onValue, testId, mono = false }: Own) {
  return {
    className: mono ? 'input mono' : 'input',
    'data-testid': testId,
    value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onValue(e.target.value),
  };
}

type Native<A> = Omit<A, 'onChange' | 'value' | 'className'>;

type InputProps = Native<InputHTMLAttributes<HTMLInputElement>> &
  Own & {
    /** Enter does what the form's main button does. */
    onEnter?: () => void;
  };

/** A text box of the app's look that reports its text. */
export function TextInput({ value, onValue, testId, mono, onEnter, ...rest }: InputProps) {
  return (
    <input
      {...rest}
      {...textBoxProps({ value, onValue, testId, mono })}
      onKeyDown={onEnter && ((e) => e.key === 'Enter' && onEnter())}
    />
  );
}

/** A multi-line text box of the app's look that reports its text. */
export function TextArea({
  value,
  onValue,
  testId,
  mono,
  ...rest
}: Native<TextareaHTMLAttributes<HTMLTextAreaElement>> & Own) {
  return <textarea {...rest} {...textBoxProps({ value, onValue, testId, mono })} />;
}
