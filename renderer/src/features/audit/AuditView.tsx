import { countOf } from '../../lib/format-bytes.js';
import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/model/audit.js';
import { useAuditList } from '../../api/useAudit.js';
import { useConnections } from '../../api/useConnections.js';
import { QueryState } from '../../components/QueryState.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
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
      <div className="toolbar audit-toolbar">
        <Select
          testId="audit-filter-connection"
          value={connectionName}
          onValue={setConnectionName}
          options={[
            { value: '', label: 'All connections' },
            ...profiles.map((p) => ({ value: p.name, label: p.name })),
          ]}
        />
        <TextInput
          testId="audit-filter-path"
          mono
          placeholder="Path prefix, e.g. /services"
          spellCheck={false}
          value={pathPrefix}
          onValue={setPathPrefix}
        />
        <button className="btn btn-sm" data-testid="audit-refresh" onClick={() => void list.refetch()}>
          Refresh
        </button>
        <span className="muted">
          {list.data ? `${countOf(list.data.matched, 'entry', 'entries')} (newest first)` : ''}
        </span>
        <span className="spacer" />
        <VerifyChain />
      </div>
      <div className="audit-body">
        <div className="audit-list">
          <QueryState
            query={list}
            plainError
            isEmpty={(page) => page.entries.length === 0}
            empty={<div className="empty-state">No audit entries match.</div>}
          >
            {(page) => (
              <AuditTable entries={page.entries} selectedSeq={selected?.seq ?? null} onSelect={setSelected} />
            )}
          </QueryState>
        </div>
        {selected && <AuditDetail entry={selected} onClose={() => setSelected(null)} />}
      </div>
    </div>
  );
}
