import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { AppError } from '../../../../shared/errors.js';
import type { HistoryEntry, HistoryVersion } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { useHistoryList, useRestore } from '../../api/useHistory.js';
import { QueryState } from '../../components/QueryState.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { StatusLine } from '../../components/StatusLine.js';
import { hasCode } from '../../errors/error-messages.js';
import { useToasts } from '../../errors/ToastContext.js';
import { HistoryCompare } from './HistoryCompare.js';
import { HistoryNotes } from './HistoryNotes.js';
import { HistoryTable } from './HistoryTable.js';
import { RestoreDialog } from './RestoreDialog.js';
import { versionText } from './version-text.js';
import '../registry/registry.css';
import './HistoryView.css';

interface Props {
  connectionId: string;
  path: string;
  /**
   * The value on the server as last read, and its token (sent with a restore); null when the node does not
   * exist (a restore creates it again).
   */
  current: NodeValue | null;
  language: string;
  prod: boolean;
  /** Why nothing can be written here (read-only connection, node deleted), or null. */
  cannotWrite: string | null;
  /** The node is gone on the server since it was read. */
  deleted: boolean;
  dirty: boolean;
  /** The node as the restore wrote it (whole value). */
  onRestored: (written: NodeValue) => void;
  /** The node moved since it was read: the value panel's conflict flow takes over with what was attempted. */
  onConflict: (error: AppError, attemptedText: string) => void;
}

/**
 * Every version known of the value (the server's, this machine's audit, the Watch tab's), newest first,
 * with what the list holds in sentences; one is compared with the current value or another version, and
 * can be restored.
 */
export function HistoryView(p: Props) {
  const { t } = useTranslation('history');
  const format = useFormat();

  const { connectionId, path, current } = p;
  const list = useHistoryList(connectionId, path);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const restore = useRestore(connectionId, path);
  const { showError } = useToasts();
  // The version to restore, and the token of the value shown when Restore was pressed: a change made while
  // the dialog is open is a conflict, not something overwritten unseen.
  const [confirming, setConfirming] = useState<{ version: HistoryVersion; token: string | null } | null>(
    null,
  );
  const entries = list.data?.entries ?? [];
  const selected: HistoryEntry | null = entries.find((entry) => entry.id === selectedId) ?? null;

  const onConfirm = (confirmation?: string) => {
    if (!confirming) return;
    const chosen = confirming.version;
    restore.mutate(
      {
        id: chosen.id,
        token: confirming.token,
        ...(confirmation === undefined ? {} : { confirmation }),
      },
      {
        onSuccess: (written) => {
          setConfirming(null);
          p.onRestored(written);
        },
        onError: (error) => {
          setConfirming(null);
          if (hasCode(error, 'CONFLICT')) p.onConflict(error, versionText(chosen) ?? '');
          else showError(error, `Restore ${path}`);
        },
      },
    );
  };

  return (
    <div className="history-view" data-testid="history-view">
      <div className="history-list">
        <div className="toolbar registry-toolbar">
          <span className="muted" data-testid="history-count">
            {list.data
              ? t('historyView.versions', { count: entries.length, n: format.count(entries.length) })
              : t('historyView.versions')}
          </span>
          <span className="spacer" />
          <RefreshButton testId="history-refresh" query={list} />
        </div>
        {list.data && <HistoryNotes notes={list.data.notes} />}
        <div className="registry-scroll">
          <QueryState
            query={list}
            loading={t('historyView.loadingHistory')}
            errorTestId="history-error"
            isEmpty={(report) => report.entries.length === 0}
            empty={<StatusLine testId="history-empty">{t('historyView.noEarlierVersionsAre')}</StatusLine>}
          >
            {(report) => (
              <HistoryTable
                entries={report.entries}
                selectedId={selectedId}
                current={current}
                onSelect={(entry) => setSelectedId(entry.id)}
              />
            )}
          </QueryState>
        </div>
      </div>
      {selected ? (
        <HistoryCompare
          key={selected.id}
          connectionId={connectionId}
          path={path}
          selected={selected}
          entries={entries}
          current={current}
          language={p.language}
          cannotWrite={p.cannotWrite}
          restoring={restore.isPending}
          onRestore={(version) =>
            setConfirming({ version, token: p.deleted || current === null ? null : current.token })
          }
        />
      ) : (
        <div className="empty-state history-hint">{t('historyView.selectAVersionTo')}</div>
      )}
      {confirming && (
        <RestoreDialog
          path={path}
          entry={confirming.version}
          prod={p.prod}
          dirty={p.dirty}
          deleted={p.deleted || current === null}
          pending={restore.isPending}
          onConfirm={onConfirm}
          onClose={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
