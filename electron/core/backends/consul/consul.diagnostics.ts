import { isAppError } from '../../../../shared/errors.js';
import type {
  DiagnosticNote,
  DiagnosticsReport,
  DiagnosticTable,
} from '../../../../shared/model/diagnostics.js';
import { diagnosticColumns, diagnosticTitle } from '../../../../shared/labels/diagnostic-tables.js';
import type { DiagnosticsApi } from '../backend.js';
import type { ConsulHttp } from './consul.http.js';
import { LOCK_SCAN_MAX_KEYS, lockedKeysBySession } from './consul.locks.js';
import { lanMembers } from './consul.members.js';
import { blockingQueriesGauge } from './consul.metrics.js';
import { listSessions } from './consul.sessions.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

type Table = Omit<DiagnosticTable, 'available' | 'reason' | 'rows' | 'more' | 'notes'>;

const MEMBERS: Table = {
  id: 'members',
  ...diagnosticTitle('members'),
  columns: diagnosticColumns('members', [
    ['name', 'text'],
    ['address', 'mono'],
    ['role', 'text'],
    ['status', 'text'],
    ['datacenter', 'text'],
    ['version', 'text'],
  ]),
};

const SESSIONS: Table = {
  id: 'sessions',
  ...diagnosticTitle('sessions'),
  columns: diagnosticColumns('sessions', [
    ['id', 'mono'],
    ['name', 'text'],
    ['node', 'text'],
    ['checks', 'text'],
    ['behavior', 'text'],
    ['ttl', 'text'],
    ['locks', 'mono'],
  ]),
};

const BLOCKING: Table = {
  id: 'blocking-queries',
  ...diagnosticTitle('blocking-queries'),
  columns: diagnosticColumns('blocking-queries', [
    ['gauge', 'mono'],
    ['value', 'count'],
    ['interval', 'text'],
  ]),
};

function sentence(error: unknown): string {
  return isAppError(error) ? error.message : String(error);
}

function filled(table: Table, rows: DiagnosticTable['rows'], notes: DiagnosticNote[] = []): DiagnosticTable {
  return { ...table, available: true, reason: null, rows, more: null, notes };
}

function unavailable(table: Table, reason: DiagnosticNote): DiagnosticTable {
  return { ...table, available: false, reason, rows: [], more: null, notes: [] };
}

async function membersTable(http: ConsulHttp): Promise<DiagnosticTable> {
  try {
    const members = await lanMembers(http, http.timeoutMs);
    return filled(
      MEMBERS,
      members.map((m) => ({
        name: m.name,
        address: m.address,
        role: m.server ? 'server' : 'client',
        status: m.status,
        datacenter: m.datacenter,
        version: m.version,
      })),
    );
  } catch (error) {
    return unavailable(MEMBERS, {
      message: say(CONSUL_SENTENCES, 'membersUnreadable', { reason: sentence(error) }),
      fix: null,
    });
  }
}

async function sessionsTable(http: ConsulHttp): Promise<DiagnosticTable> {
  let listed: Awaited<ReturnType<typeof listSessions>>;
  try {
    listed = await listSessions(http);
  } catch (error) {
    return unavailable(SESSIONS, {
      message: say(CONSUL_SENTENCES, 'sessionsUnlisted', { reason: sentence(error) }),
      fix: null,
    });
  }
  const notes: DiagnosticNote[] = [];
  if (listed.filtered) {
    notes.push({
      message: say(CONSUL_SENTENCES, 'sessionsFiltered'),
      fix: 'session_prefix "" { policy = "read" }',
    });
  }
  // No session, no lock: the KV is read for the locks only when there are sessions.
  let locks: Map<string, string[]> | null = new Map();
  if (listed.sessions.length > 0) {
    const scan = await lockedKeysBySession(http).catch((error: unknown) => {
      notes.push({
        message: say(CONSUL_SENTENCES, 'lockedKeysUnreadable', { reason: sentence(error) }),
        fix: null,
      });
      return { bySession: null, keyCount: 0 };
    });
    locks = scan.bySession;
    if (scan.bySession === null && scan.keyCount > LOCK_SCAN_MAX_KEYS) {
      notes.push({
        message: say(CONSUL_SENTENCES, 'lockScanTooLarge', {
          keyCount: scan.keyCount,
          scanned: LOCK_SCAN_MAX_KEYS,
        }),
        fix: null,
      });
    }
  }
  const rows = listed.sessions.map((s) => ({
    id: s.id,
    name: s.name,
    node: s.node,
    checks: s.checks.join(', '),
    behavior: s.behavior,
    ttl: s.ttl || null,
    locks: locks === null ? null : (locks.get(s.id) ?? []).join(', '),
  }));
  return filled(SESSIONS, rows, notes);
}

async function blockingTable(http: ConsulHttp): Promise<DiagnosticTable> {
  const gauge = await blockingQueriesGauge(http);
  if (!gauge.available) return unavailable(BLOCKING, gauge.reason);
  return filled(
    BLOCKING,
    [{ gauge: gauge.source, value: gauge.value, interval: gauge.at }],
    [
      {
        message: say(CONSUL_SENTENCES, 'blockingGaugeMeaning'),
        fix: null,
      },
    ],
  );
}

/**
 * On-demand facts of a Consul cluster: the LAN members, the sessions with their node, checks and the
 * keys each locks, and the blocking-query gauge from the agent's metrics (capability `diagnostics`).
 */
export class ConsulDiagnostics implements DiagnosticsApi {
  constructor(private readonly http: ConsulHttp) {}

  async report(): Promise<DiagnosticsReport> {
    const tables = await Promise.all([
      membersTable(this.http),
      sessionsTable(this.http),
      blockingTable(this.http),
    ]);
    return { tables, checkedAt: Date.now() };
  }
}
