import { useTranslation } from 'react-i18next';
import { useLeaseKeys } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { ErrorLine } from '../../components/ErrorLine.js';

/** The keys attached to one lease, a page at a time. */
export function LeaseKeys({ connectionId, leaseId }: { connectionId: string; leaseId: string }) {
  const { t } = useTranslation('servers');

  const keys = useLeaseKeys(connectionId, leaseId);
  const paths = keys.data?.pages.flatMap((page) => page.paths) ?? [];
  return (
    <div className="lease-keys" data-testid="lease-keys" data-lease={leaseId}>
      {keys.isPending && <span className="muted">{t('leaseKeys.loadingKeys')}</span>}
      {keys.isError && <ErrorLine error={keys.error} />}
      {keys.data && paths.length === 0 && <span className="muted">{t('leaseKeys.noKeyIsAttached')}</span>}
      <ul>
        {paths.map((path) => (
          <li key={path} className="mono" data-testid="lease-key">
            {path}
          </li>
        ))}
      </ul>
      {keys.hasNextPage && (
        <Button
          small
          testId="lease-keys-more"
          busy={keys.isFetchingNextPage}
          busyLabel={t('busy.loading')}
          onClick={() => void keys.fetchNextPage()}
        >
          {t('leaseKeys.moreKeys')}
        </Button>
      )}
    </div>
  );
}
