import type { DiagnosticsReport, DiagnosticTable } from '../../../../shared/model/diagnostics.js';
import { diagnosticColumns, diagnosticTitle } from '../../../../shared/labels/diagnostic-tables.js';
import type { DiagnosticsApi } from '../backend.js';
import type { SessionLifecycle } from '../kit/session.lifecycle.js';
import { alarmsTable, alarmsUnavailable } from './etcd.alarms.js';
import { within, type EndpointMember, type EtcdMember, type EtcdMembers } from './etcd.members.js';
import { fetchMetrics, watchGauges, type WatchGauges } from './etcd.metrics.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** Each call of the report waits this long at most. */
const CALL_TIMEOUT_MS = 3000;

const GAUGE_COLUMNS: DiagnosticTable['columns'] = diagnosticColumns('watch-gauges', [
  ['member', 'text'],
  ['watchers', 'count'],
  ['watchStreams', 'count'],
  ['slowWatchers', 'count'],
  ['error', 'text'],
]);

type GaugeAnswer = { member: EtcdMember; gauges: WatchGauges } | { member: EtcdMember; error: string };

async function gaugesAt(members: EtcdMembers, member: EtcdMember, url: string): Promise<GaugeAnswer> {
  try {
    return { member, gauges: watchGauges(await fetchMetrics(url, members.credentials, CALL_TIMEOUT_MS)) };
  } catch (error) {
    return { member, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A member's gauges from its advertised client URL, else through the connection's endpoint it sits behind. */
async function gaugesOf(
  members: EtcdMembers,
  member: EtcdMember,
  behind: Promise<Map<string, EndpointMember>>,
): Promise<GaugeAnswer> {
  if (member.clientUrl === null) return { member, error: say(ETCD_SENTENCES, 'gaugesNotStarted') };
  const direct = await gaugesAt(members, member, member.clientUrl);
  const endpoint = member.id === null ? undefined : (await behind).get(member.id);
  return 'error' in direct && endpoint !== undefined ? gaugesAt(members, member, endpoint.url) : direct;
}

/** The watcher and watch-stream gauges of every member, or unavailable when no member's /metrics answered. */
function gaugeTable(answers: GaugeAnswer[]): DiagnosticTable {
  // The same sentence as the kind's (ETCD_KIND.watchersUnknown), from the table so the UI can write it.
  const notes = [{ message: say(ETCD_SENTENCES, 'watchersUnknown'), fix: null }];
  const base = {
    id: 'watch-gauges',
    ...diagnosticTitle('watch-gauges'),
    columns: GAUGE_COLUMNS,
    more: null,
    notes,
  };
  if (answers.every((a) => 'error' in a)) {
    const reasons = answers.map((a) =>
      'error' in a
        ? say(ETCD_SENTENCES, 'gaugesMemberFailed', {
            member: a.member.name || (a.member.clientUrl ?? '—'),
            error: a.error,
          })
        : '',
    );
    return {
      ...base,
      available: false,
      reason: {
        message:
          reasons.length === 0
            ? say(ETCD_SENTENCES, 'gaugesNoMember')
            : say(ETCD_SENTENCES, 'gaugesNoneAnswered', { reasons: reasons.join('; ') }),
        fix: null,
      },
      rows: [],
    };
  }
  const rows = answers.map((a) => ({
    member: a.member.name || a.member.clientUrl,
    watchers: 'gauges' in a ? a.gauges.watchers : null,
    watchStreams: 'gauges' in a ? a.gauges.watchStreams : null,
    slowWatchers: 'gauges' in a ? a.gauges.slowWatchers : null,
    error: 'error' in a ? a.error : null,
  }));
  return { ...base, available: true, reason: null, rows };
}

/**
 * What etcd tells beyond health, on demand: the alarms raised (NOSPACE, CORRUPT) and each member's watcher,
 * watch-stream and slow-watcher gauges from its /metrics, with the plain statement that etcd does not tell
 * which clients watch a key.
 */
export class EtcdDiagnostics implements DiagnosticsApi {
  constructor(
    private readonly rpc: EtcdRpc,
    private readonly members: EtcdMembers,
    private readonly life: SessionLifecycle,
  ) {}

  report(): Promise<DiagnosticsReport> {
    return this.life.whileOpen(async () => {
      const list = await this.members.list(CALL_TIMEOUT_MS);
      const behind = this.members.behindEndpoints(list.members, CALL_TIMEOUT_MS);
      const [alarms, gauges] = await Promise.all([
        within(CALL_TIMEOUT_MS, 'Listing the etcd alarms', () =>
          this.rpc.client.maintenance.alarm({ action: 'Get', memberID: 0, alarm: 'None' }),
        ).then(
          (response) => alarmsTable(response.alarms, list.members),
          (error: Error) => alarmsUnavailable(error.message),
        ),
        Promise.all(list.members.map((m) => gaugesOf(this.members, m, behind))),
      ]);
      return { tables: [alarms, gaugeTable(gauges)], checkedAt: Date.now() };
    });
  }
}
