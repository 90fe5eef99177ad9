import type { TFunction } from 'i18next';
import type { PathPattern, SearchRequest, ValuePattern } from '../../../../shared/model/search.js';
import { toSourceRef, type SourceDraft } from '../compare/source-ref.js';

/** What the search form holds. */
export interface SearchDraft {
  source: SourceDraft;
  pathMode: PathPattern['mode'];
  pathText: string;
  valueMode: ValuePattern['mode'];
  valueText: string;
  /** Match keys and values inside JSON documents. */
  json: boolean;
  caseSensitive: boolean;
}

export const EMPTY_SEARCH: SearchDraft = {
  // An empty connection follows the open one (see `withOpenConnection`).
  source: { connectionId: '', location: '/' },
  pathMode: 'substring',
  pathText: '',
  valueMode: 'substring',
  valueText: '',
  json: false,
  caseSensitive: false,
};

/** The ways a path can be matched, in the order the form offers them (named by `search:searchForm.mode.<mode>`). */
export const PATH_MODES: readonly PathPattern['mode'][] = ['substring', 'glob', 'regex'];

/** The ways a value can be matched, in the order the form offers them. */
export const VALUE_MODES: readonly ValuePattern['mode'][] = ['substring', 'regex'];

/** The draft with the open connection as its source while the user has chosen none. */
export function withOpenConnection(draft: SearchDraft, openConnectionId: string | null): SearchDraft {
  if (draft.source.connectionId !== '' || openConnectionId === null) return draft;
  return { ...draft, source: { ...draft.source, connectionId: openConnectionId } };
}

/** The contract's request for a draft, or the one sentence saying what is missing. */
export function toSearchRequest(
  draft: SearchDraft,
  t: TFunction<'search'>,
): { request: SearchRequest } | { problem: string } {
  const source = toSourceRef(draft.source);
  if (source === null) return { problem: t('searchProblem.noSource') };
  // Patterns are sent as typed (spaces may be what is searched for); only an empty one is left out.
  const path = draft.pathText === '' ? undefined : { mode: draft.pathMode, text: draft.pathText };
  const value =
    draft.valueText === '' ? undefined : { mode: draft.valueMode, text: draft.valueText, json: draft.json };
  if (!path && !value) return { problem: t('searchProblem.noPattern') };
  return {
    request: {
      source,
      ...(path ? { path } : {}),
      ...(value ? { value } : {}),
      caseSensitive: draft.caseSensitive,
    },
  };
}
