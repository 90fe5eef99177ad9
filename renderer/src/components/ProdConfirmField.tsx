interface Props {
  id: string;
  testId: string;
  /** What the user must type (the path), also shown as the placeholder. */
  expected: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter submits, like the dialog's main button. */
  onSubmit: () => void;
}

/** The typed confirmation every single-node write on a prod connection asks for (the core checks it). */
export function ProdConfirmField({ id, testId, expected, value, onChange, onSubmit }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>
        This is a <b className="prod-text">PRODUCTION</b> connection. Type the path to confirm:
      </label>
      <input
        id={id}
        className="input mono"
        data-testid={testId}
        spellCheck={false}
        placeholder={expected}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && onSubmit()}
      />
    </div>
  );
}
