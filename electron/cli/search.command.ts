import { AppError, isAppError } from '../../shared/errors.js';
import {
  PathPatternSchema,
  SEARCH_MAX_MATCHES,
  ValuePatternSchema,
  type PathPattern,
  type SearchMatch,
  type ValuePattern,
} from '../../shared/model/search.js';
import { NodeMatcher } from '../core/search/node.matcher.js';
import { binaryNote, truncatedNote } from '../core/search/search.notes.js';
import { searchWalk } from '../core/search/search.walk.js';
import { emptyCounts, runSearch } from '../core/search/search.run.js';
import { COMMON_OPTIONS, parseCommand, parseMilliseconds } from './cli.args.js';
import type { CliContext } from './cli.context.js';
import { DEFAULT_TIMEOUT_MS, usage } from './cli.usage.js';

function usageError(why: string): AppError {
  return new AppError('INVALID_INPUT', `${why} (run "configdeck search --help" for usage).`);
}

/** --path: a glob when it has * ? or [, unless --regex; else a substring. */
function pathPattern(text: string | undefined, regex: boolean): PathPattern | undefined {
  if (text === undefined) return undefined;
  const mode = regex ? 'regex' : /[*?[]/.test(text) ? 'glob' : 'substring';
  const parsed = PathPatternSchema.safeParse({ mode, text });
  if (!parsed.success) throw usageError('--path takes a pattern of 1 to 2000 characters');
  return parsed.data;
}

function valuePattern(text: string | undefined, regex: boolean, json: boolean): ValuePattern | undefined {
  if (text === undefined) return undefined;
  const parsed = ValuePatternSchema.safeParse({ mode: regex ? 'regex' : 'substring', text, json });
  if (!parsed.success) throw usageError('--value takes a pattern of 1 to 2000 characters');
  return parsed.data;
}

function parseMax(text: string | undefined): number {
  if (text === undefined) return SEARCH_MAX_MATCHES;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1)
    throw usageError(`--max takes a whole number, not "${text}"`);
  return Number(text);
}

/** One match as a line: the path, the JSON pointer when inside a document, the excerpt (none for a path). */
function matchLine(match: SearchMatch): string {
  if (match.field === 'path') return match.path;
  const where =
    match.pointer === null ? '' : `  ${match.pointer}${match.field === 'json-key' ? ' (key)' : ''}`;
  const more = match.more > 0 ? `  (+${match.more} more)` : '';
  return `${match.path}${where}  ${match.excerpt}${more}`;
}

/**
 * `configdeck search <source>`: nodes below the source root whose path or value matches, printed as they are
 * found, the counts on stderr. Exit 0 with matches, 1 without (an interrupt ends it with what was found).
 */
export async function searchCommand(args: string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    'search',
    args,
    {
      ...COMMON_OPTIONS,
      path: { type: 'string' },
      value: { type: 'string' },
      regex: { type: 'boolean' },
      'json-aware': { type: 'boolean' },
      'case-sensitive': { type: 'boolean' },
      max: { type: 'string' },
    },
    { min: 1, max: 1, names: 'one source: configdeck search <source> --path PATTERN and/or --value PATTERN' },
  );
  if (parsed.flag('help')) return usage(context, 'search');
  const regex = parsed.flag('regex');
  const path = pathPattern(parsed.text('path'), regex);
  const value = valuePattern(parsed.text('value'), regex, parsed.flag('json-aware'));
  if (path === undefined && value === undefined)
    throw usageError('Give --path PATTERN, --value PATTERN, or both');
  const caseSensitive = parsed.flag('case-sensitive');
  const matcher = NodeMatcher.compile({ path, value, caseSensitive });
  const maxMatches = parseMax(parsed.text('max'));
  const resolver = context.resolver(parseMilliseconds('search', parsed.text('timeout'), DEFAULT_TIMEOUT_MS));
  const source = await resolver.open(parsed.positionals[0]!);
  const plan = searchWalk(source, { path, value, caseSensitive });
  const json = parsed.flag('json');
  const counts = emptyCounts();
  const started = Date.now();
  let interrupted = false;
  try {
    await runSearch(
      source,
      {
        matcher,
        walk: plan.walk,
        maxMatches,
        ...(context.interrupt ? { signal: context.interrupt } : {}),
        onMatch: (match) => context.print(json ? JSON.stringify(match) : matchLine(match)),
      },
      counts,
    );
  } catch (error) {
    if (!(isAppError(error) && error.code === 'CANCELLED' && context.interrupt?.aborted)) throw error;
    interrupted = true;
  }
  const binary = binaryNote(counts.skippedBinary);
  context.printError(
    `${counts.matched} matched, ${counts.scanned} nodes scanned in ${Date.now() - started} ms${interrupted ? ' (interrupted)' : ''}.`,
  );
  for (const note of [plan.note, binary, counts.truncated ? truncatedNote(maxMatches) : null]) {
    if (note !== null) context.printError(`Note: ${note}`);
  }
  return counts.matched > 0 ? 0 : 1;
}
