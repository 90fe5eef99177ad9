interface Props {
  className: string;
  /** The data attribute that carries the value too (`env` → `data-env`), which the styles colour it by. */
  name: string;
  value: string;
}

/** A short value shown as text and as `data-<name>`: an environment badge, an outcome, an operation. */
export function DataTag({ className, name, value }: Props) {
  return (
    <span className={className} {...{ [`data-${name}`]: value }}>
      {value}
    </span>
  );
}
