import type { ReactNode } from 'react';

interface Props {
  testId: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** `check` (box and text side by side) unless a toolbar lays it out itself. */
  className?: string;
  children: ReactNode;
}

/** A checkbox with its text, the whole line clickable. */
export function Checkbox({ testId, checked, onChange, className = 'check', children }: Props) {
  return (
    <label className={className || undefined}>
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}
