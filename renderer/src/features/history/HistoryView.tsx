import { countOf } from '../../lib/format-bytes.js';
import { useState } from 'react';
import type { AppError } from '../../../../shared/errors.js';
import type { HistoryEntry } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { useHistoryList, useHistoryVersion, useRollback } from '../../api/useHistory.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { QueryState } from '../../components/QueryState.js';
import { StatusLine } from '../../components/StatusLine.js';
import { hasCode } from '../../errors/error-messages.js';
import { useToasts } from '../../errors/ToastContext.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { formatTime } from '../../lib/format-time.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { HistoryTable } from './HistoryTable.js';
import { RollbackDialog } from './RollbackDialog.js';
import '../registry/registry.css';
import './HistoryView.css';

interface Props {
  connectionId: string;
  path: string;
  /** The value on the server as last read, and its token (sent with a rollback). */
  current: NodeValue;
  language: string;
  prod: boolean;
  canWrite: boolean;
  dirty: boolean;
  /** The node as the rollback wrote it (whole value). */
  onRolledBack: (written: NodeValue) => void;
  onConflict: (error: AppError, attemptedText: string) => void;
}

const decode = (base64: string) => decodeUtf8Lenient(base64ToBytes(base64));

/** Earlier versions of the value; one is compared with the current value and can be published again. */
export function HistoryView(p: Props) {
  const { connectionId, path, current } = p;
  const list = useHistoryList(connectionId, path);
  const [selected, setSelected] = useState<HistoryEntry | null>(null);
  const version = useHistoryVersion(connectionId, path, selected?.id ?? null);
  const rollback = useRollback(connectionId, path);
  const { showError } = useToasts();
  const [confirming, setConfirming] = useState(false);
  const currentMd5 = current.meta.find((f) => f.key === 'md5')?.value ?? null;

  const onConfirm = (confirmation?: string) => {
    const chosen = version.data;
    if (!chosen) return;
    rollback.mutate(
      { id: chosen.id, token: current.token, ...(confirmation === undefined ? {} : { confirmation }) },
      {
        onSuccess: (written) => {
          setConfirming(false);
          p.onRolledBack(written);
        },
        onError: (error) => {
          setConfirming(false);
          if (hasCode(error, 'CONFLICT')) p.onConflict(error, decode(chosen.valueBase64 ?? ''));
          else showError(error, `Roll back ${path}`);
        },
      },
    );
  };

  return (
    <div className="history-view" data-testid="history-view">
      <div className="history-list">
        <div className="toolbar registry-toolbar">
          <span className="muted">
            {list.data ? `${countOf(list.data.entries.length, 'version', 'versions')}, newest first` : 'Versions'}
          </span>
          <span className="spacer" />
          <RefreshButton testId="history-refresh" query={list} />
        </div>
        <div className="registry-scroll">
          <QueryState
            query={list}
            loading="Loading history…"
            errorTestId="history-error"
            isEmpty={(report) => report.entries.length === 0}
            empty={
              <StatusLine testId="history-empty">No earlier versions are kept for this value.</StatusLine>
            }
          >
            {(report) => (
              <HistoryTable
                entries={report.entries}
                selectedId={selected?.id ?? null}
                currentMd5={currentMd5}
                onSelect={setSelected}
              />
            )}
          </QueryState>
        </div>
      </div>
      <div className="history-compare">
        {!selected && (
          <div className="empty-state">Select a version to compare it with the current value</div>
        )}
        {selected && (
          <>
            <div className="toolbar registry-toolbar">
              <span title="The right side is what a rollback writes">
                Left: <b>current</b> · Right: <b>version of {formatTime(selected.time)}</b>
              </span>
              <span className="spacer" />
              <button
                className="btn btn-sm btn-primary"
                data-testid="history-rollback"
                disabled={!p.canWrite || !version.data || rollback.isPending}
                title={p.canWrite ? 'Publish this version again' : 'Read-only connection'}
                onClick={() => setConfirming(true)}
              >
                Roll back to this version
              </button>
            </div>
            <QueryState query={version} loading="Loading the version…" errorTestId="history-version-error">
              {(chosen) => (
                <div className="history-diff" data-version={selected.id}>
                  <DiffEditor
                    original={decode(current.valueBase64)}
                    modified={decode(chosen.valueBase64 ?? '')}
                    language={p.language}
                    testId="history-diff"
                  />
                </div>
              )}
            </QueryState>
          </>
        )}
      </div>
      {confirming && selected && (
        <RollbackDialog
          path={path}
          entry={selected}
          prod={p.prod}
          dirty={p.dirty}
          pending={rollback.isPending}
          onConfirm={onConfirm}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
