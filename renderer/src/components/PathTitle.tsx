import { useTranslation } from 'react-i18next';
/** The red PRODUCTION label of a write dialog's title. */
export function ProdLabel() {
  const { t } = useTranslation('common');

  return (
    <span className="env-label" data-env="prod">
      {t('prodLabel.production')}
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
