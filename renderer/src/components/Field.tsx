import type { CSSProperties, ReactNode } from 'react';

interface Props {
  /** The id of the control inside, which the label names. */
  id?: string;
  label: ReactNode;
  /** Quiet lines under the control; empty ones are left out. */
  hint?: ReactNode | readonly ReactNode[];
  /** Why the value cannot be used, under the hints. */
  error?: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
}

/** A labelled form control with its hints and its error. */
export function Field({ id, label, hint, error, style, children }: Props) {
  const hints = Array.isArray(hint) ? (hint as readonly ReactNode[]) : [hint];
  return (
    <div className="field" style={style}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hints.map((line, index) =>
        line ? (
          <span key={index} className="field-hint">
            {line}
          </span>
        ) : null,
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
