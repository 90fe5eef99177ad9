import type { ReactNode } from 'react';
import './ChoiceSection.css';

interface Props<T extends string> {
  /** The preference's name: the radio group's name and its test ids (`settings-<name>-<value>`). */
  name: string;
  legend: ReactNode;
  choices: readonly T[];
  chosen: T;
  labelOf: (value: T) => ReactNode;
  onChoose: (value: T) => void;
}

/** One settings section: a labelled group of radio buttons, one per value of a preference. */
export function ChoiceSection<T extends string>({
  name,
  legend,
  choices,
  chosen,
  labelOf,
  onChoose,
}: Props<T>) {
  return (
    <fieldset className="theme-section">
      <legend className="caps-title">{legend}</legend>
      <div className="theme-choices" role="radiogroup">
        {choices.map((value) => (
          <label key={value} className="theme-choice">
            <input
              type="radio"
              name={`settings-${name}`}
              value={value}
              data-testid={`settings-${name}-${value}`}
              checked={chosen === value}
              onChange={() => onChoose(value)}
            />
            {labelOf(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
