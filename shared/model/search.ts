import { z } from 'zod';
import { SourceRefSchema } from './compare.js';

/** How a path is matched: a substring, a glob on the path relative to the root (`**` any depth), a regex. */
export const PathPatternSchema = z.object({
  mode: z.enum(['substring', 'glob', 'regex']),
  text: z.string().min(1).max(2000),
});
export type PathPattern = z.infer<typeof PathPatternSchema>;

/**
 * How a value is matched: a substring or a regex over the value as UTF-8 text. With `json`, documents that
 * parse as JSON are matched key by key and value by value (a match names its JSON pointer), and other values
 * as text. Binary values are skipped for value search, and counted.
 */
export const ValuePatternSchema = z.object({
  mode: z.enum(['substring', 'regex']),
  text: z.string().min(1).max(2000),
  json: z.boolean().default(false),
});
export type ValuePattern = z.infer<typeof ValuePatternSchema>;

/** The most matches one search keeps (paths and excerpts only); past it the search stops and says so. */
export const SEARCH_MAX_MATCHES = 10_000;
/** Characters of context an excerpt keeps on each side of a match. */
export const SEARCH_EXCERPT_CONTEXT = 60;

export const SearchRequestSchema = z
  .object({
    /** A connection and the root of the subtree, or a snapshot file. */
    source: SourceRefSchema,
    path: PathPatternSchema.optional(),
    value: ValuePatternSchema.optional(),
    caseSensitive: z.boolean().default(false),
    maxMatches: z.number().int().min(1).max(SEARCH_MAX_MATCHES).default(SEARCH_MAX_MATCHES),
  })
  .refine((request) => request.path !== undefined || request.value !== undefined, {
    message: 'give a path pattern, a value pattern, or both',
  });
export type SearchRequest = z.input<typeof SearchRequestSchema>;
export type SearchRequestParsed = z.output<typeof SearchRequestSchema>;

/** One node that matched: where, and a short excerpt with the matched ranges (never the whole value). */
export const SearchMatchSchema = z.object({
  /** Relative to the source root, starting with `/`. */
  path: z.string(),
  /** The absolute path in the store (what the browser opens); the relative path for a snapshot. */
  storePath: z.string(),
  /** What matched: the path, the value as text, a key or a value inside a JSON document. */
  field: z.enum(['path', 'value', 'json-key', 'json-value']),
  /** JSON pointer of the match inside the document (`/db/host`), for json-key and json-value. */
  pointer: z.string().nullable(),
  /** The matched text with up to SEARCH_EXCERPT_CONTEXT characters around it, on one line. */
  excerpt: z.string(),
  /** [start, end) of each match inside the excerpt (UTF-16 offsets). */
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
  /** Matches in this node beyond the one shown. */
  more: z.number().int().default(0),
});
export type SearchMatch = z.infer<typeof SearchMatchSchema>;

export const SearchStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type SearchState = z.infer<typeof SearchStateSchema>;

/** A search's counts so far (event `search.progress` and every `search.result`). */
export const SearchProgressSchema = z.object({
  searchId: z.string(),
  state: SearchStateSchema,
  /** Nodes looked at so far. */
  scanned: z.number().int(),
  matched: z.number().int(),
  /** Binary values left out of a value search. */
  skippedBinary: z.number().int(),
  /** The search stopped at maxMatches. */
  truncated: z.boolean(),
  elapsedMs: z.number(),
  /** Why it failed (state `failed`). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** One sentence each: how the store was scanned, what was skipped. */
  notes: z.array(z.string()),
});
export type SearchProgress = z.infer<typeof SearchProgressSchema>;

export const SearchResultSchema = z.object({
  progress: SearchProgressSchema,
  /** Matches from `offset`, in the order found. */
  matches: z.array(SearchMatchSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
