import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import { useAuditList } from '../../api/useAudit.js';
import { useConnections } from '../../api/useConnections.js';
import { describeError } from '../../errors/error-messages.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { AuditDetail } from './AuditDetail.js';
import { AuditTable } from './AuditTable.js';
import { VerifyChain } from './VerifyChain.js';
import './AuditView.css';

/** The local audit log: filter by connection and path prefix, inspect before/after, verify the chain. */
export function AuditView() {
  const [connectionName, setConnectionName] = useState('');
  const [pathPrefix, setPathPrefix] = useState('');
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const profiles = useConnections().data ?? [];
  const settledPrefix = useDebouncedValue(pathPrefix, 250);
  const list = useAuditList({
    ...(connectionName ? { connectionName } : {}),
    ...(settledPrefix ? { pathPrefix: settledPrefix } : {}),
    limit: 500,
  });

  return (
    <div className="audit-view" data-testid="audit-view">
      <div className="audit-toolbar">
        <select
          className="input"
          data-testid="audit-filter-connection"
          value={connectionName}
          onChange={(e) => setConnectionName(e.target.value)}
        >
          <option value="">All connections</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
        <input
          className="input mono"
          data-testid="audit-filter-path"
          placeholder="Path prefix, e.g. /services"
          spellCheck={false}
          value={pathPrefix}
          onChange={(e) => setPathPrefix(e.target.value)}
        />
        <button className="btn btn-sm" data-testid="audit-refresh" onClick={() => void list.refetch()}>
          Refresh
        </button>
        <span className="muted">{list.data ? `${list.data.length} entries (newest first)` : ''}</span>
        <span className="spacer" />
        <VerifyChain />
      </div>
      <div className="audit-body">
        <div className="audit-list">
          {list.isError && <div className="inline-error">{describeError(list.error).message}</div>}
          {list.data && list.data.length === 0 && <div className="empty-state">No audit entries match.</div>}
          {list.data && list.data.length > 0 && (
            <AuditTable entries={list.data} selectedSeq={selected?.seq ?? null} onSelect={setSelected} />
          )}
        </div>
        {selected && <AuditDetail entry={selected} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
