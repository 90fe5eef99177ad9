import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { Lease } from '../../../../shared/model/diagnostics.js';
import { useLeases } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState } from '../../components/QueryState.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { LeaseKeys } from './LeaseKeys.js';
import { formatTtl } from './servers-summary.js';

/** Seconds since `since`, ticking once a second: a lease's TTL counts down between reads. */
function useElapsedSeconds(since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - since) / 1000));
}

/** etcd leases with their remaining TTL and, on demand, their keys. */
export function LeasesSection({ connectionId }: { connectionId: string }) {
  const format = useFormat();

  const { t } = useTranslation('servers');

  const leases = useLeases(connectionId);
  const [open, setOpen] = useState<string | null>(null);
  const elapsed = useElapsedSeconds(leases.dataUpdatedAt);
  const rows = leases.data?.pages.flatMap((page) => page.leases) ?? [];
  return (
    <section data-testid="leases-section">
      <div className="section-title caps-title servers-section-title">
        <span>
          {t('leasesSection.leases')}
          {leases.data ? ` (${format.count(rows.length)}${leases.hasNextPage ? '+' : ''})` : ''}
        </span>
        <RefreshButton testId="leases-refresh" query={leases} />
      </div>
      <QueryState
        query={leases}
        loading={t('leasesSection.loadingLeases')}
        errorTestId="leases-error"
        isEmpty={() => rows.length === 0}
        empty={<div className="pad muted">{t('leasesSection.noLeaseIsGranted')}</div>}
      >
        {() => (
          <DataTable<Lease>
            className="data-table registry-table"
            rows={rows}
            columns={[
              { header: t('leasesSection.lease'), className: 'mono', cell: (lease) => lease.id },
              {
                header: t('leasesSection.remaining'),
                className: 'num',
                headerClassName: 'num',
                cell: (lease) => formatTtl(lease.ttlSec - elapsed, format, t('leasesSection.expired')),
              },
              {
                header: t('leasesSection.grantedTtl'),
                className: 'num',
                headerClassName: 'num',
                cell: (lease) => formatTtl(lease.grantedTtlSec, format, t('leasesSection.expired')),
              },
              {
                header: t('leasesSection.keys'),
                className: 'num',
                headerClassName: 'num',
                cell: (lease) => format.count(lease.keyCount),
              },
              {
                header: '',
                cell: (lease) => (
                  <Button
                    small
                    testId="lease-show-keys"
                    onClick={() => setOpen(open === lease.id ? null : lease.id)}
                  >
                    {open === lease.id ? t('leasesSection.hideKeys') : t('leasesSection.showKeys')}
                  </Button>
                ),
              },
            ]}
            rowKey={(lease) => lease.id}
            rowProps={(lease) => ({ 'data-testid': 'lease-row', 'data-lease': lease.id })}
            detail={(lease) =>
              open === lease.id ? <LeaseKeys connectionId={connectionId} leaseId={lease.id} /> : null
            }
          />
        )}
      </QueryState>
      {leases.hasNextPage && (
        <div className="pad">
          <Button
            small
            testId="leases-more"
            busy={leases.isFetchingNextPage}
            busyLabel={t('busy.loading')}
            onClick={() => void leases.fetchNextPage()}
          >
            {t('leasesSection.moreLeases')}
          </Button>
        </div>
      )}
    </section>
  );
}
