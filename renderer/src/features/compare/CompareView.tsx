import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useState } from 'react';
import { AppError } from '../../../../shared/errors.js';
import type { CompareEntry, SourceRef } from '../../../../shared/model/compare.js';
import { queryKeys } from '../../api/query-keys.js';
import { useCompareResult } from '../../api/useCompare.js';
import { useConnections } from '../../api/useConnections.js';
import { useEvent } from '../../api/useEvent.js';
import { usePref, useSetPref } from '../../api/usePref.js';
import { Checkbox } from '../../components/Checkbox.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { useClient } from '../../transport/ClientContext.js';
import { CompareEntries } from './CompareEntries.js';
import { CompareSummary } from './CompareSummary.js';
import { CompareValueDiff } from './CompareValueDiff.js';
import { parseRecentPairs, pushRecentPair, RECENT_PAIRS_KEY } from './recent-pairs.js';
import { describeSource, EMPTY_SOURCE, fromSourceRef, toSourceRef, type SourceDraft } from './source-ref.js';
import { SourcePicker } from './SourcePicker.js';
import { SyncPanel } from './SyncPanel.js';
import type { CompareRequest } from '../tabs/compare-from-tabs.js';
import { ENTRY_PAGE_SIZE } from './useCompareEntryPages.js';
import './CompareView.css';

interface Job {
  id: string;
  left: SourceRef;
  right: SourceRef;
}

/**
 * Compare two sources (connections or snapshots), inspect the differences, and sync one into the other;
 * `request` (a compare asked for from the connection tabs) fills both pickers and starts at once.
 */
export function CompareView({
  request = null,
  onRequestTaken,
}: {
  request?: CompareRequest | null;
  onRequestTaken?: () => void;
} = {}) {
  const { t } = useTranslation('compare');
  const format = useFormat();
  const snapshot = (file: string) => t('compareView.snapshotSource', { file });
  const { sentence } = useDescribeError();
  const client = useClient();
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const profiles = useConnections().data ?? [];
  const recent = parseRecentPairs(usePref(RECENT_PAIRS_KEY).data?.value);
  const setPref = useSetPref();
  const [left, setLeft] = useState<SourceDraft>(EMPTY_SOURCE);
  const [right, setRight] = useState<SourceDraft>(EMPTY_SOURCE);
  const [job, setJob] = useState<Job | null>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<CompareEntry | null>(null);
  const pathContains = useDebouncedValue(filter.trim(), 250);
  const result = useCompareResult({
    jobId: job?.id ?? null,
    onlyDifferences,
    pathContains,
    offset: 0,
    limit: ENTRY_PAGE_SIZE,
  });
  // Summary and state of the job; the first page doubles as the list's page 0 (same key, same size).
  const data = result.data;
  const running = data?.state === 'running' || (job !== null && data === undefined && result.isPending);

  // The event makes the end of a job show at once instead of at the next 500 ms poll.
  useEvent('job.progress', (event) => {
    if (event.jobId === job?.id && event.state !== 'running') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.compareResults(event.jobId) });
    }
  });

  // "Compare again" passes the finished job's sources: the pickers may have been edited since.
  const start = async (l = toSourceRef(left), r = toSourceRef(right)) => {
    if (!l || !r) {
      showError(new AppError('INVALID_INPUT', t('compareView.chooseBothSources')));
      return;
    }
    try {
      const { jobId } = await client.call('compare.start', { left: l, right: r });
      setJob({ id: jobId, left: l, right: r });
      setSelected(null);
      setPref.mutate({ key: RECENT_PAIRS_KEY, value: pushRecentPair(recent, l, r) });
    } catch (error) {
      showError(error, 'Compare');
    }
  };

  // A compare asked for from the tabs: the pickers show its sources (set while rendering, as React advises
  // for state following a prop), and it starts once (from an effect, since it calls the core).
  const [shownRequest, setShownRequest] = useState<CompareRequest | null>(null);
  if (request && request !== shownRequest) {
    setShownRequest(request);
    setLeft(fromSourceRef(request.left));
    setRight(fromSourceRef(request.right));
  }
  const startAsked = useEffectEvent((asked: CompareRequest) => {
    onRequestTaken?.();
    void start(asked.left, asked.right);
  });
  useEffect(() => {
    if (!request) return;
    // Started from a task whose cleanup cancels it: a mount run twice (StrictMode) starts one job, not two.
    const timer = setTimeout(() => startAsked(request), 0);
    return () => clearTimeout(timer);
  }, [request]);

  const cancel = async () => {
    if (!job) return;
    try {
      await client.call('job.cancel', { jobId: job.id });
      await queryClient.invalidateQueries({ queryKey: queryKeys.compareResults(job.id) });
    } catch (error) {
      showError(error, t('compareView.cancelComparison'));
    }
  };

  const pickRecent = (index: string) => {
    const pair = recent[Number(index)];
    if (!pair) return;
    setLeft(fromSourceRef(pair.left));
    setRight(fromSourceRef(pair.right));
  };

  const progress = data?.progress;
  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="toolbar compare-toolbar">
        <SourcePicker side="left" profiles={profiles} value={left} onChange={setLeft} />
        <SourcePicker side="right" profiles={profiles} value={right} onChange={setRight} />
        {recent.length > 0 && (
          <select
            className="input"
            data-testid="compare-recent"
            value=""
            onChange={(e) => pickRecent(e.target.value)}
          >
            <option value="">{t('compareView.recent')}</option>
            {recent.map((pair, i) => (
              <option key={i} value={i}>
                {describeSource(pair.left, profiles, snapshot)} ↔{' '}
                {describeSource(pair.right, profiles, snapshot)}
              </option>
            ))}
          </select>
        )}
        <button
          className="btn btn-primary btn-sm"
          data-testid="compare-start"
          disabled={running}
          onClick={() => void start()}
        >
          {t('compareView.compare')}
        </button>
        {running && (
          <>
            <span className="muted" data-testid="compare-progress">
              {progress
                ? t('compareView.progress', {
                    phase: t(`compareView.phase.${progress.phase}`, { defaultValue: progress.phase }),
                    done: format.count(progress.done),
                    total: progress.total === null ? '' : ` / ${format.count(progress.total)}`,
                  })
                : t('compareView.starting')}
            </span>
            <button className="btn btn-sm" data-testid="compare-cancel" onClick={() => void cancel()}>
              {t('compareView.cancel')}
            </button>
          </>
        )}
      </div>
      {result.isError && <div className="inline-error">{sentence(result.error)}</div>}
      {data?.error && <div className="inline-error">{sentence(AppError.fromShape(data.error))}</div>}
      {data?.state === 'cancelled' && <div className="muted">{t('compareView.comparisonCancelled')}</div>}
      {job && data?.summary && (
        <div className="compare-body">
          <div className="toolbar compare-toolbar">
            <CompareSummary summary={data.summary} />
            <Checkbox
              className=""
              testId="compare-only-diff"
              checked={onlyDifferences}
              onChange={setOnlyDifferences}
            >
              {' '}
              {t('compareView.onlyDifferences')}
            </Checkbox>
            <input
              className="input mono"
              data-testid="compare-filter"
              placeholder={t('compareView.filterPaths')}
              spellCheck={false}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          <div className="compare-split">
            <CompareEntries
              // A new query starts over at the top: row indices of the old one mean nothing for it.
              key={`${job.id}|${onlyDifferences}|${pathContains}`}
              query={{ jobId: job.id, onlyDifferences, pathContains }}
              total={result.data?.total ?? null}
              selectedPath={selected?.path ?? null}
              onSelect={setSelected}
            />
            {selected && selected.status !== 'same' ? (
              <CompareValueDiff
                key={selected.path}
                jobId={job.id}
                path={selected.path}
                leftLabel={describeSource(job.left, profiles, snapshot)}
                rightLabel={describeSource(job.right, profiles, snapshot)}
              />
            ) : (
              <div className="compare-diff-hint muted">
                {selected ? t('compareView.bothSidesHoldThe') : t('compareView.selectAKeyTo')}
              </div>
            )}
          </div>
          {data.state === 'done' && (
            <SyncPanel
              key={job.id}
              compareJobId={job.id}
              left={job.left}
              right={job.right}
              profiles={profiles}
              onCompareAgain={() => void start(job.left, job.right)}
            />
          )}
        </div>
      )}
    </div>
  );
}
