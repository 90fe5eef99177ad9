import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
import { useFormat } from '../../i18n/useFormat.js';
import { useCallback, useState, type ReactNode } from 'react';
import type { AuditEntry, AuditFilter } from '../../../../shared/model/audit.js';
import { Button } from '../../components/Button.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.js';
import { AuditList } from './AuditList.js';
import { useAuditPages } from './useAuditPages.js';

interface Props {
  filter: AuditFilter;
  /** Why the filter cannot match (nothing is asked then), or null. */
  problem: string | null;
  /** The filters were changed and are not asked yet (debounced). */
  typing: boolean;
  selectedSeq: number | null;
  onSelect: (entry: AuditEntry) => void;
  onClearFilters: () => void;
  /** The rest of the toolbar (export, verify). */
  tools: ReactNode;
  /** Lines under the toolbar (what an export or a verify found). */
  notices: ReactNode;
}

/** "12 of 1,204 entries", and whether the list is being asked again. */
function countText(
  matched: number | null,
  total: number | null,
  t: TFunction<'audit'>,
  f: LocaleFormats,
): string {
  if (matched === null || total === null) return t('countText.reading');
  return matched === total
    ? t('countText.all', { count: total, n: f.count(total) })
    : t('countText.matching', { count: total, matched: f.count(matched), n: f.count(total) });
}

/** The count matching, the toolbar, and the virtual list over every matching entry, fetched page by page. */
export function AuditResults({
  filter,
  problem,
  typing,
  selectedSeq,
  onSelect,
  onClearFilters,
  tools,
  notices,
}: Props) {
  const { t } = useTranslation('audit');
  const format = useFormat();

  const queryClient = useQueryClient();
  // A new filter starts a new list (at the top, without the old keyboard cursor): the rows drawn are
  // remembered with the filter they were drawn for, and forgotten with it.
  const filterKey = JSON.stringify(filter);
  const [drawn, setDrawn] = useState<{ key: string; first: number; last: number; cursor: number | null }>({
    key: filterKey,
    first: 0,
    last: -1,
    cursor: null,
  });
  const range = drawn.key === filterKey ? drawn : { first: 0, last: -1, cursor: null };
  const onRange = useCallback(
    (first: number, last: number, cursor: number | null) => setDrawn({ key: filterKey, first, last, cursor }),
    [filterKey],
  );
  const pages = useAuditPages(filter, range.first, range.last, range.cursor === null ? [] : [range.cursor]);
  const matched = problem === null ? pages.matched : 0;
  const empty =
    pages.total === 0 ? (
      <div className="empty-state" data-testid="audit-empty">
        <h2>{t('auditResults.noAuditEntriesYet')}</h2>
        <span>{t('auditResults.everyWriteConfigdeckMakes')}</span>
      </div>
    ) : (
      <div className="empty-state" data-testid="audit-empty">
        <span>{problem ?? t('auditResults.noEntryMatchesThese')}</span>
        <Button small testId="audit-empty-clear" onClick={onClearFilters}>
          {t('auditResults.clearFilters')}
        </Button>
      </div>
    );

  return (
    <>
      <div className="toolbar audit-toolbar">
        <span
          className="audit-count"
          data-testid="audit-count"
          data-matched={matched ?? ''}
          data-total={pages.total ?? ''}
          data-settled={!typing && !pages.fetching && pages.matched !== null}
          aria-live="polite"
        >
          {problem === null ? countText(pages.matched, pages.total, t, format) : problem}
        </span>
        <Button
          small
          testId="audit-refresh"
          busy={pages.fetching}
          title={t('auditResults.askTheLogAgain')}
          onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.audit() })}
        >
          {t('auditResults.refresh')}
        </Button>
        {tools}
      </div>
      {notices}
      {pages.error !== null && <ErrorLine error={pages.error} plain testId="audit-list-error" />}
      <AuditList
        key={filterKey}
        count={matched ?? 0}
        entryAt={pages.entryAt}
        onRange={onRange}
        selectedSeq={selectedSeq}
        onSelect={onSelect}
        label={t('auditResults.auditEntriesNewestFirst')}
        testId="audit-list"
        empty={matched === 0 ? empty : null}
      />
    </>
  );
}
