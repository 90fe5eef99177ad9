import type { SearchRequestParsed } from '../../../shared/model/search.js';
import { relativePath, type Source, type WalkSink } from '../sources/source.js';
import { hasNameSearch } from '../backends/name.search.js';
import { scanNote } from './search.notes.js';

/** How a search reads its source, and the sentence that says so. */
export interface SearchWalk {
  note: string;
  walk(sink: WalkSink, signal: AbortSignal): Promise<void>;
}

/**
 * Picks how to read the source: the server's own name search for a path-only substring where the store
 * offers one that can answer it (Nacos), else the walk of the whole subtree (bulk scans where drivers have
 * them). Matching is done here either way, so the server may answer more than matches.
 */
export function searchWalk(
  source: Source,
  request: Pick<SearchRequestParsed, 'path' | 'value' | 'caseSensitive'>,
): SearchWalk {
  const session = source.store?.session;
  const text = request.path?.mode === 'substring' && request.value === undefined ? request.path.text : null;
  if (
    session !== undefined &&
    text !== null &&
    hasNameSearch(session) &&
    session.canSearchNames(text, request.caseSensitive)
  ) {
    return {
      note: session.nameSearchMethod,
      walk: async (sink, signal) => {
        for await (const page of session.searchNames(source.root, text, signal)) {
          for (const node of page) {
            const path = relativePath(source.root, node.path);
            if (node.value === null) sink.folder(path);
            else sink.key({ path, value: node.value, token: node.token, ephemeral: false, meta: null });
          }
        }
      },
    };
  }
  return {
    note: scanNote(source),
    walk: (sink, signal) =>
      source.walk({ skipEphemeral: false, withMetadata: false, ignore: () => false }, sink, { signal }),
  };
}
