import { isUtf8 } from 'node:buffer';
import type { SearchMatch, SearchRequestParsed } from '../../../shared/model/search.js';
import { excerptOf } from './search.excerpt.js';
import { jsonHits, parseJson } from './json.matches.js';
import { compilePathPattern, compileTextPattern } from './search.pattern.js';
import { findMatches, hasMatch, type Range } from './text.matches.js';

/** A match without where it is (the caller knows the node). */
export type MatchBody = Omit<SearchMatch, 'path' | 'storePath'>;

/** What looking at one key found: a match, nothing, or a binary value left out of the value search. */
export type KeyVerdict = MatchBody | null | 'binary';

function body(field: MatchBody['field'], pointer: string | null, text: string, all: Range[]): MatchBody {
  const { excerpt, ranges } = excerptOf(text, all);
  return { field, pointer, excerpt, ranges, more: all.length - ranges.length };
}

/**
 * A search request compiled once: which nodes match and the excerpt each match shows. With both a path and
 * a value pattern a node must match both, and the value match is shown (the path is there anyway).
 */
export class NodeMatcher {
  private constructor(
    private readonly path: RegExp | null,
    private readonly value: RegExp | null,
    private readonly json: boolean,
  ) {}

  /** Compiles the patterns; INVALID_INPUT in one sentence when a regex is not valid. */
  static compile(request: Pick<SearchRequestParsed, 'path' | 'value' | 'caseSensitive'>): NodeMatcher {
    const path = request.path ? compilePathPattern(request.path, request.caseSensitive) : null;
    const value = request.value ? compileTextPattern(request.value, request.caseSensitive, 'value') : null;
    return new NodeMatcher(path, value, request.value?.json ?? false);
  }

  /** Whether values are searched (folders then never match, and binary values are counted). */
  get searchesValues(): boolean {
    return this.value !== null;
  }

  /** A folder matches by its path alone, and only in a search without a value pattern. */
  folder(path: string): MatchBody | null {
    if (this.value !== null || this.path === null) return null;
    return this.pathMatch(path);
  }

  /** Looks at one key: its path, then its value as UTF-8 text or as a JSON document. */
  key(path: string, value: Buffer): KeyVerdict {
    if (this.value === null) return this.pathMatch(path);
    if (this.path !== null && !hasMatch(this.path, path)) return null;
    if (!isUtf8(value)) return 'binary';
    const text = value.toString('utf8');
    if (this.json) {
      const document = parseJson(text);
      if (document !== undefined) return this.jsonMatch(document);
    }
    const ranges = findMatches(this.value, text);
    return ranges.length === 0 ? null : body('value', null, text, ranges);
  }

  private pathMatch(path: string): MatchBody | null {
    const ranges = findMatches(this.path!, path);
    return ranges.length === 0 ? null : body('path', null, path, ranges);
  }

  private jsonMatch(document: unknown): MatchBody | null {
    const hits = jsonHits(document, this.value!);
    const [first] = hits;
    if (first === undefined) return null;
    const shown = body(first.field, first.pointer, first.text, first.ranges);
    const total = hits.reduce((sum, hit) => sum + hit.ranges.length, 0);
    return { ...shown, more: total - shown.ranges.length };
  }
}
