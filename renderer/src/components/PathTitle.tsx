/** The red PRODUCTION label of a write dialog's title. */
export function ProdLabel() {
  return (
    <span className="env-label" data-env="prod">
      PRODUCTION
    </span>
  );
}

/** A write dialog's title: what it does to which path, labelled PRODUCTION when `prod`. */
export function PathTitle({ action, path, prod = false }: { action: string; path: string; prod?: boolean }) {
  return (
    <>
      {prod && (
        <>
          <ProdLabel />{' '}
        </>
      )}
      {action} <span className="mono">{path}</span>
    </>
  );
}
