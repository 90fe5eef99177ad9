import type {
  MemberMetric,
  MemberRole,
  ServerMember,
  ServersReport,
} from '../../../../../shared/model/diagnostics.js';
import { memberMetric, type MemberMetricKey } from '../../../../../shared/labels/member-metrics.js';
import type { ServersApi } from '../../backend.js';
import { disagreements, type Compared } from './zookeeper.disagreements.js';
import { EnsembleView, answerNotes } from './zookeeper.ensemble-view.js';
import { mergeFigures, NO_FIGURES, type MemberFigures } from './zookeeper.facts.js';
import type { EnsembleMember } from './zookeeper.members.js';
import type { Fact } from './zookeeper.probe.js';
import { sentence } from './zookeeper.sentences.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** Each member's srvr and mntr together must settle well inside the 3 s a health check may take. */
export const HEALTH_TIMEOUT_MS = 1500;

const ROLES: Record<string, MemberRole> = {
  leader: 'leader',
  follower: 'follower',
  observer: 'observer',
  standalone: 'standalone',
  'read-only': 'read-only',
};

function metrics(f: MemberFigures): MemberMetric[] {
  const all: Array<[MemberMetricKey, number | string | null, MemberMetric['unit']]> = [
    ['zxid', f.zxid === null ? null : `0x${f.zxid.toString(16)}`, 'text'],
    ['latencyMin', f.latencyMin, 'ms'],
    ['latencyAvg', f.latencyAvg, 'ms'],
    ['latencyMax', f.latencyMax, 'ms'],
    ['outstanding', f.outstanding, 'count'],
    ['znodes', f.znodes, 'count'],
    ['watches', f.watches, 'count'],
    ['ephemerals', f.ephemerals, 'count'],
    ['connections', f.connections, 'count'],
  ];
  return all
    .filter((m): m is [MemberMetricKey, number | string, MemberMetric['unit']] => m[1] !== null)
    .map(([key, value, unit]) => memberMetric(key, value, unit));
}

interface Checked {
  member: ServerMember;
  /** Set for a member that serves: compared with the others. */
  compared: Compared | null;
}

/** One member's health from its srvr/mntr (or AdminServer stats/monitor) answers. */
export function memberHealth(
  m: EnsembleMember,
  stats: Fact<MemberFigures>,
  monitor: Fact<MemberFigures>,
): Checked {
  const base = { id: m.id, name: m.name, address: m.id };
  const answered = [stats, monitor].filter((f) => f.ok || f.refused);
  if (answered.length === 0) {
    const reason = stats.ok ? '' : stats.reason;
    return {
      member: { ...base, role: 'unknown', up: false, error: sentence(reason), version: null, metrics: [] },
      compared: null,
    };
  }
  const figures = mergeFigures(stats.ok ? stats.value : NO_FIGURES, monitor.ok ? monitor.value : NO_FIGURES);
  const refusedBoth = !stats.ok && !monitor.ok;
  if (figures.mode === null && !refusedBoth) {
    const error = say(ZOOKEEPER_SENTENCES, 'memberNotServing', { member: m.id });
    return {
      member: { ...base, role: 'unknown', up: false, error, version: figures.version, metrics: [] },
      compared: null,
    };
  }
  const role = (figures.mode === null ? undefined : ROLES[figures.mode]) ?? 'unknown';
  const error = refusedBoth ? say(ZOOKEEPER_SENTENCES, 'memberRefusesBoth', { member: m.id }) : null;
  return {
    member: { ...base, role, up: true, error, version: figures.version, metrics: metrics(figures) },
    compared: figures.mode === null ? null : { name: m.name, figures },
  };
}

/** servers.health(): every member's srvr and mntr in parallel, within HEALTH_TIMEOUT_MS each. */
export function zooKeeperServers(view: EnsembleView): ServersApi {
  return {
    async health(): Promise<ServersReport> {
      const { members, notes } = await view.members();
      const checked = await Promise.all(
        members.map(async (m) => {
          const [stats, monitor] = await Promise.all([
            m.probe.stats(HEALTH_TIMEOUT_MS),
            m.probe.monitor(HEALTH_TIMEOUT_MS),
          ]);
          return { checked: memberHealth(m, stats, monitor), facts: [{ fact: stats }, { fact: monitor }] };
        }),
      );
      const compared = checked.map((c) => c.checked.compared).filter((c): c is Compared => c !== null);
      return {
        members: checked.map((c) => c.checked.member),
        checkedAt: Date.now(),
        disagreements: disagreements(compared),
        notes: [...notes, ...answerNotes(checked.flatMap((c) => c.facts))],
      };
    },
  };
}
