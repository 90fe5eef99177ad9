interface Props {
  className: string;
  /** The data attribute that carries the value too (`env` → `data-env`), which the styles colour it by. */
  name: string;
  value: string;
  /** The text shown, when it is not the value itself (a value written in the UI's language). */
  label?: string;
}

/** A short value shown as text and as `data-<name>`: an environment badge, an outcome, an operation. */
export function DataTag({ className, name, value, label }: Props) {
  return (
    <span className={className} {...{ [`data-${name}`]: value }}>
      {label ?? value}
    </span>
  );
}
