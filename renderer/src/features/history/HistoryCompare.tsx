import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { HistoryEntry, HistoryVersion } from '../../../../shared/model/history.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { useHistoryVersion } from '../../api/useHistory.js';
import { Button } from '../../components/Button.js';
import { QueryState } from '../../components/QueryState.js';
import { Select } from '../../components/Select.js';
import { StatusLine } from '../../components/StatusLine.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { describeVersion, whenOf } from './history-labels.js';
import { decodeValue, versionText } from './version-text.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

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
function notRestorable(entry: HistoryEntry, t: TFunction<'history'>, say: (text: string) => string): string {
  if (entry.note) return say(entry.note);
  return entry.operation === 'delete' ? t('notRestorable.deletion') : t('notRestorable.digestOnly');
}

/**
 * The selected version against the current value (or another version chosen under "compare with"), and
 * "Restore this version" where its value is kept whole.
 */
export function HistoryCompare(p: Props) {
  const { t } = useTranslation('history');
  const say = useCoreSentence();
  const format = useFormat();

  const { connectionId, path, selected } = p;
  const [withId, setWithId] = useState(CURRENT);
  const others = p.entries.filter((entry) => entry.restorable && entry.id !== selected.id);
  const other = others.find((entry) => entry.id === withId) ?? null;
  const version = useHistoryVersion(connectionId, path, selected.id);
  const base = useHistoryVersion(connectionId, path, other?.id ?? null);
  const reason = !selected.restorable ? notRestorable(selected, t, say) : p.cannotWrite;

  return (
    <div className="history-compare">
      <div className="toolbar registry-toolbar history-compare-bar">
        <label className="history-with" title={t('historyCompare.theLeftSideOf')}>
          {t('historyCompare.compareWith')}{' '}
          <Select
            testId="history-compare-with"
            value={other?.id ?? CURRENT}
            onValue={setWithId}
            options={[
              {
                value: CURRENT,
                label: p.current ? t('historyCompare.theCurrentValue') : t('historyCompare.noValueTheNode'),
              },
              ...others.map((entry) => ({
                value: entry.id,
                label: `${whenOf(entry, t, format)} · ${t(`source.${entry.source}`)}${entry.author ? ` · ${entry.author}` : ''}`,
              })),
            ]}
          />
        </label>
        <span className="muted history-sides" data-testid="history-sides">
          {t('historyCompare.left')}{' '}
          <b>
            {other
              ? describeVersion(other, t, format)
              : p.current
                ? t('historyCompare.currentValue')
                : t('historyCompare.nothingTheNodeDoes')}
          </b>{' '}
          {t('historyCompare.right')} <b>{describeVersion(selected, t, format)}</b>
        </span>
        <span className="spacer" />
        {reason !== null ? (
          <span className="muted history-restore-note" data-testid="history-restore-note">
            {reason}
          </span>
        ) : (
          selected.note && (
            <span className="muted history-restore-note" data-testid="history-entry-note">
              {say(selected.note)}
            </span>
          )
        )}
        <Button
          small
          tone="primary"
          testId="history-restore"
          disabled={reason !== null || !version.data || p.restoring}
          title={reason ?? t('historyCompare.writeThisVersionAgain')}
          onClick={() => version.data && p.onRestore(version.data)}
        >
          {t('historyCompare.restoreThisVersion')}
        </Button>
      </div>
      <QueryState
        query={version}
        loading={t('historyCompare.loadingTheVersion')}
        errorTestId="history-version-error"
      >
        {(chosen) => {
          const right = versionText(chosen);
          if (right === null) {
            return (
              <StatusLine testId="history-no-value">
                {chosen.operation === 'delete'
                  ? t('historyCompare.theNodeWasDeleted')
                  : t('historyCompare.thereIsNothingTo', { notRestorable: notRestorable(chosen, t, say) })}
              </StatusLine>
            );
          }
          if (other && !base.data) {
            return (
              <QueryState query={base} loading={t('historyCompare.loadingTheVersionTo')}>
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
                  {t('historyCompare.thisVersionHoldsThe')}{' '}
                  {other ? t('historyCompare.theOneItIs') : t('historyCompare.theCurrentValue')}.
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
