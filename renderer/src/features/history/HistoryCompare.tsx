import { useState } from 'react';
import type { HistoryEntry, HistoryVersion } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { useHistoryVersion } from '../../api/useHistory.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { Select } from '../../components/Select.js';
import { StatusLine } from '../../components/StatusLine.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { describeVersion, SOURCE_LABELS, whenOf } from './history-labels.js';
import { decodeValue, versionText } from './version-text.js';

/** The "compare with" choice that means the value on the server now. */
const CURRENT = '';

interface Props {
  connectionId: string;
  path: string;
  selected: HistoryEntry;
  /** Every version listed: the others that hold a value can be compared with the selected one. */
  entries: readonly HistoryEntry[];
  /** The value on the server now; null while the node does not exist (a restore creates it again). */
  current: NodeValue | null;
  language: string;
  /** Why nothing can be written here (read-only connection, node deleted), or null. */
  cannotWrite: string | null;
  restoring: boolean;
  onRestore: (version: HistoryVersion) => void;
}

/** Why a version cannot be restored, in one sentence. */
function notRestorable(entry: HistoryEntry): string {
  if (entry.note) return entry.note;
  return entry.operation === 'delete'
    ? 'A deletion holds no value to write back.'
    : 'Only a digest of this value is kept, not the value itself.';
}

/**
 * The selected version against the current value (or another version chosen under "compare with"), and
 * "Restore this version" where its value is kept whole.
 */
export function HistoryCompare(p: Props) {
  const { connectionId, path, selected } = p;
  const [withId, setWithId] = useState(CURRENT);
  const others = p.entries.filter((entry) => entry.restorable && entry.id !== selected.id);
  const other = others.find((entry) => entry.id === withId) ?? null;
  const version = useHistoryVersion(connectionId, path, selected.id);
  const base = useHistoryVersion(connectionId, path, other?.id ?? null);
  const reason = !selected.restorable ? notRestorable(selected) : p.cannotWrite;

  return (
    <div className="history-compare">
      <div className="toolbar registry-toolbar history-compare-bar">
        <label className="history-with" title="The left side of the diff">
          Compare with{' '}
          <Select
            testId="history-compare-with"
            value={other?.id ?? CURRENT}
            onValue={setWithId}
            options={[
              {
                value: CURRENT,
                label: p.current ? 'the current value' : 'no value (the node does not exist)',
              },
              ...others.map((entry) => ({
                value: entry.id,
                label: `${whenOf(entry)} · ${SOURCE_LABELS[entry.source]}${entry.author ? ` · ${entry.author}` : ''}`,
              })),
            ]}
          />
        </label>
        <span className="muted history-sides" data-testid="history-sides">
          Left:{' '}
          <b>
            {other
              ? describeVersion(other)
              : p.current
                ? 'current value'
                : 'nothing (the node does not exist)'}
          </b>{' '}
          · Right: <b>{describeVersion(selected)}</b>
        </span>
        <span className="spacer" />
        {reason !== null ? (
          <span className="muted history-restore-note" data-testid="history-restore-note">
            {reason}
          </span>
        ) : (
          selected.note && (
            <span className="muted history-restore-note" data-testid="history-entry-note">
              {selected.note}
            </span>
          )
        )}
        <Button
          small
          tone="primary"
          testId="history-restore"
          disabled={reason !== null || !version.data || p.restoring}
          title={reason ?? 'Write this version again, as an audited save'}
          onClick={() => version.data && p.onRestore(version.data)}
        >
          Restore this version
        </Button>
      </div>
      <QueryState query={version} loading="Loading the version…" errorTestId="history-version-error">
        {(chosen) => {
          const right = versionText(chosen);
          if (right === null) {
            return (
              <StatusLine testId="history-no-value">
                {chosen.operation === 'delete'
                  ? 'The node was deleted at this version: there is no value to compare.'
                  : `${notRestorable(chosen)} There is nothing to compare.`}
              </StatusLine>
            );
          }
          if (other && !base.data) {
            return (
              <QueryState query={base} loading="Loading the version to compare with…">
                {() => null}
              </QueryState>
            );
          }
          const left =
            other && base.data
              ? (versionText(base.data) ?? '')
              : p.current
                ? decodeValue(p.current.valueBase64)
                : '';
          return (
            <>
              {left === right && (
                <div className="notice notice-info" data-testid="history-same">
                  This version holds the same value as{' '}
                  {other ? 'the one it is compared with' : 'the current value'}.
                </div>
              )}
              <div className="history-diff" data-version={selected.id} data-with={other?.id ?? 'current'}>
                <DiffEditor original={left} modified={right} language={p.language} testId="history-diff" />
              </div>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
