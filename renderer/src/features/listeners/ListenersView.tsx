import { useState } from 'react';
import { useListeners } from '../../api/useListeners.js';
import { describeError } from '../../errors/error-messages.js';
import { listenerInSync, listenerSummary, sortListeners } from '../../lib/listener-sync.js';
import '../registry/registry.css';
import './ListenersView.css';

const AUTO_REFRESH_MS = 5_000;

/**
 * Which clients listen to this value and whether each holds the current version: the quickest answer
 * to "did my service get the new config?".
 */
export function ListenersView({ connectionId, path }: { connectionId: string; path: string }) {
  const [auto, setAuto] = useState(true);
  const report = useListeners(connectionId, path, auto ? AUTO_REFRESH_MS : false);
  const data = report.data;
  const currentMd5 = data?.currentMd5 ?? null;
  const summary = data ? listenerSummary(data.listeners, currentMd5) : null;

  return (
    <div className="listeners-view" data-testid="listeners-view">
      <div className="registry-toolbar">
        <span>
          <span className="muted">Current md5 </span>
          <span className="mono" data-testid="listeners-current-md5">
            {currentMd5 ?? '—'}
          </span>
        </span>
        {summary && (
          <span
            className={summary.stale > 0 ? 'warn-text' : 'muted'}
            data-testid="listeners-summary"
            data-total={summary.total}
            data-stale={summary.stale}
          >
            {summary.total} client{summary.total === 1 ? '' : 's'} · {summary.inSync} in sync
            {summary.stale > 0 ? ` · ${summary.stale} stale` : ''}
          </span>
        )}
        <span className="spacer" />
        <label className="check">
          <input
            type="checkbox"
            data-testid="listeners-auto"
            checked={auto}
            onChange={(e) => setAuto(e.target.checked)}
          />
          Auto-refresh ({AUTO_REFRESH_MS / 1000} s)
        </label>
        {report.dataUpdatedAt > 0 && (
          <span className="faint">asked {new Date(report.dataUpdatedAt).toLocaleTimeString('sv-SE')}</span>
        )}
        <button
          className="btn btn-sm"
          data-testid="listeners-refresh"
          disabled={report.isFetching}
          onClick={() => void report.refetch()}
        >
          {report.isFetching ? 'Asking…' : 'Refresh'}
        </button>
      </div>
      <div className="registry-scroll">
        {report.isPending && <div className="muted pad">Asking the server who listens…</div>}
        {report.isError && (
          <div
            className="inline-error"
            data-testid="listeners-error"
            data-code={describeError(report.error).code}
          >
            {describeError(report.error).title}: {describeError(report.error).message}
          </div>
        )}
        {data && data.listeners.length === 0 && (
          <div className="muted pad" data-testid="listeners-empty">
            No client listens to this value right now.
          </div>
        )}
        {data && data.listeners.length > 0 && (
          <table className="registry-table">
            <thead>
              <tr>
                <th>Client</th>
                <th>MD5 it holds</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {sortListeners(data.listeners, currentMd5).map((listener) => {
                const inSync = listenerInSync(listener, currentMd5);
                return (
                  <tr
                    key={listener.client}
                    data-testid="listener-row"
                    data-client={listener.client}
                    data-in-sync={inSync}
                  >
                    <td className="mono">{listener.client}</td>
                    <td className="mono">{listener.md5 || '—'}</td>
                    <td>
                      <span className="health-badge" data-status={inSync ? 'passing' : 'critical'}>
                        {inSync ? 'in sync' : 'stale'}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
