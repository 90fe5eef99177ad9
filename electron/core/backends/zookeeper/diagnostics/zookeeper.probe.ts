import type { DiagnosticNote } from '../../../../../shared/model/diagnostics.js';
import {
  adminConnections,
  adminEphemerals,
  adminMonitor,
  adminStats,
  adminWatchesByPath,
  adminWatchSummary,
} from './zookeeper.admin-parse.js';
import { adminCommand } from './zookeeper.admin-server.js';
import { parseCons } from './zookeeper.cons.js';
import { parseDumpEphemerals } from './zookeeper.dump.js';
import type {
  ClientConnection,
  MemberFigures,
  PathsBySession,
  SessionsByPath,
  WatchSummary,
} from './zookeeper.facts.js';
import { parseMntr } from './zookeeper.mntr.js';
import { parseSrvr } from './zookeeper.srvr.js';
import { parseWchp } from './zookeeper.wchp.js';
import { parseWchs } from './zookeeper.wchs.js';
import { askWord, type WordTarget } from './zookeeper.words.js';
import { sentence } from './zookeeper.sentences.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** A fact a member told, or why it did not: down, refused (with the zoo.cfg line), or an odd answer. */
export type Fact<T> =
  /** `note`: how it was answered when that matters (four-letter words for an AdminServer not reached). */
  | { ok: true; value: T; note?: DiagnosticNote }
  | { ok: false; refused: boolean; reason: string; note: DiagnosticNote | null };

/** The questions ConfigDeck asks one member, each answered by a four-letter word or an AdminServer command. */
export interface MemberProbe {
  /** `four-letter words` or `AdminServer http://…`, for messages. */
  readonly via: string;
  stats(timeoutMs: number): Promise<Fact<MemberFigures>>;
  monitor(timeoutMs: number): Promise<Fact<MemberFigures>>;
  connections(timeoutMs: number): Promise<Fact<ClientConnection[]>>;
  watchSummary(timeoutMs: number): Promise<Fact<WatchSummary>>;
  watchesByPath(timeoutMs: number): Promise<Fact<SessionsByPath>>;
  ephemerals(timeoutMs: number): Promise<Fact<PathsBySession>>;
}

function odd(reason: string): Fact<never> {
  return { ok: false, refused: false, reason, note: null };
}

async function word<T>(
  target: WordTarget,
  name: string,
  timeoutMs: number,
  parse: (text: string) => T | null,
): Promise<Fact<T>> {
  const answer = await askWord(target, name, timeoutMs);
  if (!answer.ok) return answer;
  const value = parse(answer.text);
  if (value === null)
    return odd(
      say(ZOOKEEPER_SENTENCES, 'wordAnsweredOtherwise', {
        address: `${target.host}:${target.port}`,
        word: name,
      }),
    );
  return { ok: true, value };
}

/** Asks with four-letter words on the member's client port. */
export function wordProbe(target: WordTarget): MemberProbe {
  return {
    via: 'four-letter words',
    stats: (t) => word(target, 'srvr', t, parseSrvr),
    monitor: (t) => word(target, 'mntr', t, parseMntr),
    connections: (t) => word(target, 'cons', t, parseCons),
    watchSummary: (t) => word(target, 'wchs', t, parseWchs),
    watchesByPath: (t) => word(target, 'wchp', t, parseWchp),
    ephemerals: (t) => word(target, 'dump', t, parseDumpEphemerals),
  };
}

async function command<T>(
  base: string,
  name: string,
  timeoutMs: number,
  parse: (json: Record<string, unknown>) => T | null,
  instead: () => Promise<Fact<T>>,
): Promise<Fact<T>> {
  const answer = await adminCommand(base, name, timeoutMs);
  if (!answer.ok && answer.unreachable) {
    // An AdminServer that is off (or on another port) is not the member being down: ask its client port.
    const word = await instead();
    const note = {
      message: say(ZOOKEEPER_SENTENCES, 'adminFallback', { url: base, reason: sentence(answer.reason) }),
      fix: null,
    };
    return word.ok ? { ...word, note } : word;
  }
  if (!answer.ok)
    return { ok: false, refused: answer.note !== null, reason: answer.reason, note: answer.note };
  const value = parse(answer.json);
  if (value === null) return odd(say(ZOOKEEPER_SENTENCES, 'adminUnexpectedShape', { command: name }));
  return { ok: true, value };
}

/**
 * Asks the member's AdminServer (`…/commands/stats`, `monitor`, `connections`, …) for JSON; where nothing
 * answers at its address, the four-letter words of `words` answer, with a note saying so.
 */
export function adminProbe(base: string, words: MemberProbe): MemberProbe {
  return {
    via: `AdminServer ${base}`,
    stats: (t) => command(base, 'stats', t, adminStats, () => words.stats(t)),
    monitor: (t) => command(base, 'monitor', t, adminMonitor, () => words.monitor(t)),
    connections: (t) => command(base, 'connections', t, adminConnections, () => words.connections(t)),
    watchSummary: (t) => command(base, 'watch_summary', t, adminWatchSummary, () => words.watchSummary(t)),
    watchesByPath: (t) =>
      command(base, 'watches_by_path', t, adminWatchesByPath, () => words.watchesByPath(t)),
    ephemerals: (t) => command(base, 'dump', t, adminEphemerals, () => words.ephemerals(t)),
  };
}
