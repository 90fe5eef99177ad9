import type {
  DiagnosticColumn,
  DiagnosticNote,
  DiagnosticTable,
  DiagnosticsReport,
} from '../../../../../shared/model/diagnostics.js';
import { diagnosticColumns, diagnosticTitle } from '../../../../../shared/labels/diagnostic-tables.js';
import type { DiagnosticsApi } from '../../backend.js';
import { answerNotes, EnsembleView, type MemberFacts } from './zookeeper.ensemble-view.js';
import type { ClientConnection, WatchSummary } from './zookeeper.facts.js';
import type { EnsembleMember } from './zookeeper.members.js';
import type { Fact } from './zookeeper.probe.js';
import { sentence } from './zookeeper.sentences.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** cons and wchs walk every connection or watch of a member: on demand only, with a longer deadline. */
export const REPORT_TIMEOUT_MS = 5000;

/** The servers list data watches only; child watches are counted but not listed. */
export const CHILD_WATCHES_NOTE: DiagnosticNote = {
  message: say(ZOOKEEPER_SENTENCES, 'childWatchesNotListed'),
  fix: null,
};

const CONS_COLUMNS: DiagnosticColumn[] = diagnosticColumns('cons', [
  ['client', 'mono'],
  ['session', 'mono'],
  ['lastOperation', 'text'],
  ['latencyMin', 'ms'],
  ['latencyAvg', 'ms'],
  ['latencyMax', 'ms'],
  ['queued', 'count'],
  ['received', 'count'],
  ['sent', 'count'],
  ['timeoutMs', 'ms'],
  ['established', 'time'],
]);

const WCHS_COLUMNS: DiagnosticColumn[] = diagnosticColumns('wchs', [
  ['member', 'mono'],
  ['connections', 'count'],
  ['paths', 'count'],
  ['watches', 'count'],
]);

function failedReason(fact: Fact<unknown>): DiagnosticNote | null {
  if (fact.ok) return null;
  return fact.note ?? { message: sentence(fact.reason), fix: null };
}

/** The `cons` table of one member: who is connected to it, one row per session. */
export function consTable(
  member: EnsembleMember,
  fact: Fact<ClientConnection[]>,
  ownSession: string | null,
): DiagnosticTable {
  const subject = member.name === member.id ? member.id : `${member.name} (${member.id})`;
  const rows = fact.ok
    ? fact.value.map((c) => ({
        client: c.client,
        session:
          c.sessionId === ownSession
            ? say(ZOOKEEPER_SENTENCES, 'thisSessionCell', { session: c.sessionId })
            : c.sessionId,
        lastOperation: c.lastOperation,
        latencyMin: c.latencyMin,
        latencyAvg: c.latencyAvg,
        latencyMax: c.latencyMax,
        queued: c.queued,
        received: c.received,
        sent: c.sent,
        timeoutMs: c.timeoutMs,
        established: c.established,
      }))
    : [];
  const notes: DiagnosticNote[] = fact.ok && fact.note !== undefined ? [fact.note] : [];
  if (fact.ok && rows.length === 0)
    notes.push({ message: say(ZOOKEEPER_SENTENCES, 'noSessionOnMember', { member: member.id }), fix: null });
  return {
    id: `cons:${member.id}`,
    ...diagnosticTitle('cons', subject),
    available: fact.ok,
    reason: failedReason(fact),
    columns: CONS_COLUMNS,
    rows,
    more: null,
    notes,
  };
}

/** One `wchs` row per member that answered; the others are named in the notes. */
export function watchSummaryTable(facts: MemberFacts<WatchSummary>): DiagnosticTable {
  const answered = facts.filter((f) => f.fact.ok);
  const failures = facts.map(({ fact }) => failedReason(fact)).filter((n): n is DiagnosticNote => n !== null);
  return {
    id: 'wchs',
    ...diagnosticTitle('wchs'),
    available: answered.length > 0,
    reason: answered.length > 0 ? null : (failures[0] ?? null),
    columns: WCHS_COLUMNS,
    rows: facts.flatMap(({ member, fact }) =>
      fact.ok
        ? [{ member: member.name === member.id ? member.id : `${member.name} (${member.id})`, ...fact.value }]
        : [],
    ),
    more: null,
    notes: [
      ...answerNotes(answered),
      ...(answered.length > 0 ? failures : failures.slice(1)),
      CHILD_WATCHES_NOTE,
    ],
  };
}

/** diagnostics.report(): `cons` of every member as a table each, and the `wchs` summary of all of them. */
export function zooKeeperDiagnostics(view: EnsembleView): DiagnosticsApi {
  return {
    async report(): Promise<DiagnosticsReport> {
      const { members } = await view.members();
      const [cons, wchs] = await Promise.all([
        EnsembleView.askAll(members, (m) => m.probe.connections(REPORT_TIMEOUT_MS)),
        EnsembleView.askAll(members, (m) => m.probe.watchSummary(REPORT_TIMEOUT_MS)),
      ]);
      const own = view.target.ownSessionId();
      return {
        tables: [...cons.map(({ member, fact }) => consTable(member, fact, own)), watchSummaryTable(wchs)],
        checkedAt: Date.now(),
      };
    },
  };
}
