import { useEffect, useState } from 'react';
import type { Lease } from '../../../../shared/model/diagnostics.js';
import { useLeases } from '../../api/useDiagnostics.js';
import { Button } from '../../components/Button.js';
import { DataTable } from '../../components/DataTable.js';
import { QueryState } from '../../components/QueryState.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { formatCount } from '../../lib/format-bytes.js';
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
  const leases = useLeases(connectionId);
  const [open, setOpen] = useState<string | null>(null);
  const elapsed = useElapsedSeconds(leases.dataUpdatedAt);
  const rows = leases.data?.pages.flatMap((page) => page.leases) ?? [];
  return (
    <section data-testid="leases-section">
      <div className="section-title caps-title servers-section-title">
        <span>
          Leases{leases.data ? ` (${formatCount(rows.length)}${leases.hasNextPage ? '+' : ''})` : ''}
        </span>
        <RefreshButton testId="leases-refresh" query={leases} />
      </div>
      <QueryState
        query={leases}
        loading="Loading leases…"
        errorTestId="leases-error"
        isEmpty={() => rows.length === 0}
        empty={<div className="pad muted">No lease is granted.</div>}
      >
        {() => (
          <DataTable<Lease>
            className="data-table registry-table"
            rows={rows}
            columns={[
              { header: 'Lease', className: 'mono', cell: (lease) => lease.id },
              {
                header: 'Remaining',
                className: 'num',
                headerClassName: 'num',
                cell: (lease) => formatTtl(lease.ttlSec - elapsed),
              },
              {
                header: 'Granted TTL',
                className: 'num',
                headerClassName: 'num',
                cell: (lease) => formatTtl(lease.grantedTtlSec),
              },
              {
                header: 'Keys',
                className: 'num',
                headerClassName: 'num',
                cell: (lease) => formatCount(lease.keyCount),
              },
              {
                header: '',
                cell: (lease) => (
                  <Button
                    small
                    testId="lease-show-keys"
                    onClick={() => setOpen(open === lease.id ? null : lease.id)}
                  >
                    {open === lease.id ? 'Hide keys' : 'Show keys'}
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
            busyLabel="Loading…"
            onClick={() => void leases.fetchNextPage()}
          >
            More leases
          </Button>
        </div>
      )}
    </section>
  );
}
