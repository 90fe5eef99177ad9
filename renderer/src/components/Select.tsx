import type { ReactNode, SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: ReactNode;
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'className'> & {
  testId: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly SelectOption[];
};

/** A drop-down of the app's look that reports the value chosen. */
export function Select({ testId, value, onValue, options, ...rest }: Props) {
  return (
    <select
      {...rest}
      className="input"
      data-testid={testId}
      value={value}
      onChange={(e) => onValue(e.target.value)}
    >
      {options.map((option, index) => (
        <option key={`${index}:${option.value}`} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
