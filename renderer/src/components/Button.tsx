import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> & {
  testId?: string;
  tone?: 'primary' | 'danger' | 'ghost';
  /** The toolbar size. */
  small?: boolean;
  /** The action is under way: the button is disabled and says `busyLabel` (its own words when absent). */
  busy?: boolean;
  busyLabel?: ReactNode;
  children: ReactNode;
};

/** A button of the app's look. */
export function Button({
  testId,
  tone,
  small = false,
  busy = false,
  busyLabel,
  disabled,
  children,
  ...rest
}: Props) {
  const className = ['btn', small ? 'btn-sm' : null, tone ? `btn-${tone}` : null].filter(Boolean).join(' ');
  return (
    <button {...rest} className={className} data-testid={testId} disabled={busy || disabled}>
      {busy && busyLabel !== undefined ? busyLabel : children}
    </button>
  );
}
