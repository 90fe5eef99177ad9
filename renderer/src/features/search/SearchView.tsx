import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { AppError } from '../../../../shared/errors.js';
import type { SearchMatch, SearchProgress } from '../../../../shared/model/search.js';
import { useConnections } from '../../api/useConnections.js';
import { useSearch } from '../../api/useSearch.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { errorOfReport } from '../../errors/error-messages.js';
import { useSession } from '../session/SessionProvider.js';
import { EMPTY_SEARCH, toSearchRequest, withOpenConnection, type SearchDraft } from './search-form.model.js';
import { SearchForm } from './SearchForm.js';
import { SearchProgressLine } from './SearchProgressLine.js';
import { SearchResults } from './SearchResults.js';
import './SearchView.css';

interface Props {
  /** Opens a node of a saved connection in the Browser tab (connecting to it first when another is open). */
  onOpen: (connectionId: string, path: string) => void;
}

/** The Search tab: paths and values of a subtree of a connection or a snapshot, matches streaming in. */
export function SearchView({ onOpen }: Props) {
  const { t } = useTranslation('search');

  const profiles = useConnections().data ?? [];
  const { active } = useSession();
  const [typed, setDraft] = useState<SearchDraft>(EMPTY_SEARCH);
  const draft = withOpenConnection(typed, active?.profile.id ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const { run, running, start, cancel } = useSearch();

  const onStart = () => {
    const built = toSearchRequest(draft, t);
    if ('problem' in built) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    void start(built.request);
  };

  const progress = run.progress;
  const source = run.request?.source ?? null;
  const openMatch =
    source?.type === 'connection'
      ? (match: SearchMatch) => onOpen(source.connectionId, match.storePath)
      : null;
  const failure =
    run.progress?.state === 'failed' && run.progress.error ? errorOfReport(run.progress.error) : null;
  const error = problem !== null ? new AppError('INVALID_INPUT', problem) : (run.error ?? failure);

  return (
    <div className="search-view" data-testid="search-view">
      <SearchForm
        profiles={profiles}
        draft={draft}
        onDraft={setDraft}
        running={running}
        onStart={onStart}
        onCancel={() => void cancel()}
      />
      {error !== null && <ErrorLine error={error} testId="search-error" plain />}
      {progress && (progress.state !== 'failed' || progress.scanned > 0) && (
        <SearchProgressLine progress={progress} />
      )}
      {run.starting && <div className="muted pad">{t('searchView.starting')}</div>}
      {run.matches.length > 0 ? (
        <SearchResults matches={run.matches} onOpen={openMatch} />
      ) : (
        <div className="empty-state search-empty" data-testid="search-empty">
          <SearchEmpty progress={progress} failed={error !== null} />
        </div>
      )}
    </div>
  );
}

/** What stands where the matches would be: how to start, that none came yet, or that none matched. */
function SearchEmpty({ progress, failed }: { progress: SearchProgress | null; failed: boolean }) {
  const { t } = useTranslation('search');

  if (progress === null) {
    return failed ? null : (
      <>
        <h2>{t('searchEmpty.searchPathsAndValues')}</h2>
        <span>{t('searchEmpty.chooseAConnectionAnd')}</span>
      </>
    );
  }
  if (progress.state === 'running') return <span>{t('searchEmpty.noMatchYet')}</span>;
  if (progress.state === 'cancelled') return <h2>{t('searchEmpty.cancelledBeforeAnythingMatched')}</h2>;
  if (progress.state === 'failed') return null;
  return <h2>{t('searchEmpty.nothingMatched')}</h2>;
}
