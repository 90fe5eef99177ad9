import { isAppError } from '../../../../shared/errors.js';
import type { MemberRole, ServerMember, ServersReport } from '../../../../shared/model/diagnostics.js';
import { inWords } from '../../../../shared/labels/core-words.js';
import { memberMetric } from '../../../../shared/labels/member-metrics.js';
import type { ServersApi } from '../backend.js';
import type { NacosHttp } from './nacos.http.js';
import { ClusterNodesSchema, RaftMetricsSchema, type RaftMetrics } from './nacos.troubleshoot.schemas.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/** A health check waits this long at most: a member that stops answering turns red within one poll. */
export const HEALTH_TIMEOUT_MS = 3000;

/** Members whose applied raft index trails the furthest by more than this are flagged. */
export const APPLIED_LAG_FLAG = 100;

const RAFT_ROLES: Record<string, MemberRole> = {
  Leader: 'leader',
  Follower: 'follower',
  NonVoter: 'observer',
  Learner: 'observer',
};

function raftMember(label: string, metrics: RaftMetrics): ServerMember {
  return {
    id: label,
    name: `node ${metrics.id}`,
    address: label,
    role: RAFT_ROLES[metrics.state] ?? 'unknown',
    up: true,
    error: metrics.state === 'Shutdown' ? say(NACOS_SENTENCES, 'raftShutDown', { member: label }) : null,
    version: null,
    metrics: [
      memberMetric('raftState', metrics.state, 'text'),
      memberMetric('raftTerm', metrics.current_term),
      memberMetric('lastLogIndex', metrics.last_log_index),
      memberMetric('lastApplied', metrics.last_applied),
      memberMetric(
        'leader',
        metrics.current_leader == null ? inWords('none') : inWords('node', { id: metrics.current_leader }),
      ),
      memberMetric('members', metrics.membership_config.members.length),
    ],
  };
}

function downMember(label: string, error: unknown): ServerMember {
  const why = isAppError(error) ? error.message : String(error);
  return {
    id: label,
    name: label,
    address: label,
    role: 'unknown',
    up: false,
    error: why,
    version: null,
    metrics: [],
  };
}

/**
 * Which leader each member sees, joined: `a sees node 1, b sees none`. Built from the right, each view but
 * the last holding the views after it (`{{member}} sees node {{id}}, {{more}}`), so that the UI reads the
 * list back one view at a time and writes each in its language.
 */
export function leaderViews(up: readonly { label: string; metrics: RaftMetrics }[]): string {
  return (
    up.reduceRight<string | null>((more, { label: member, metrics }) => {
      const id = metrics.current_leader;
      if (more === null) {
        return id == null
          ? say(NACOS_SENTENCES, 'memberSeesNoLeader', { member })
          : say(NACOS_SENTENCES, 'memberSeesLeader', { member, id });
      }
      return id == null
        ? say(NACOS_SENTENCES, 'memberSeesNoLeaderThen', { member, more })
        : say(NACOS_SENTENCES, 'memberSeesLeaderThen', { member, id, more });
    }, null) ?? ''
  );
}

/**
 * r-nacos's members: each server of the profile asked for its own raft state (GET /v1/raft/metrics, an
 * in-memory answer), so a member that stops answering is down by its own silence, not by another's view.
 */
export class RNacosRaftServers implements ServersApi {
  constructor(private readonly http: NacosHttp) {}

  async health(): Promise<ServersReport> {
    const labels = this.http.servers;
    const answers = await Promise.all(
      labels.map((label, server) =>
        this.http
          .json(
            {
              path: '/v1/raft/metrics',
              server,
              timeoutMs: Math.min(this.http.timeoutMs, HEALTH_TIMEOUT_MS),
              what: `Checking the raft state of ${label}`,
            },
            RaftMetricsSchema,
          )
          .then(
            (metrics) => ({ label, metrics, member: raftMember(label, metrics) }),
            (error: unknown) => ({ label, metrics: null, member: downMember(label, error) }),
          ),
      ),
    );
    const up = answers.flatMap((a) => (a.metrics === null ? [] : [a]));
    const disagreements: string[] = [];
    const leaders = new Set(up.map((a) => a.metrics.current_leader ?? null));
    if (leaders.size > 1) {
      disagreements.push(say(NACOS_SENTENCES, 'raftLeaderDisagreement', { views: leaderViews(up) }));
    }
    const furthest = Math.max(0, ...up.map((a) => a.metrics.last_applied));
    for (const a of up) {
      if (furthest - a.metrics.last_applied > APPLIED_LAG_FLAG) {
        disagreements.push(
          say(NACOS_SENTENCES, 'raftAppliedBehind', {
            member: a.label,
            entries: furthest - a.metrics.last_applied,
          }),
        );
      }
    }
    const notes = [];
    const membership = Math.max(0, ...up.map((a) => a.metrics.membership_config.members.length));
    if (membership > labels.length) {
      notes.push({
        message: say(NACOS_SENTENCES, 'raftMembershipWider', { membership, listed: labels.length }),
        fix: null,
      });
    }
    return { members: answers.map((a) => a.member), checkedAt: Date.now(), disagreements, notes };
  }
}

/**
 * Nacos's members as the cluster sees them (GET /v1/core/cluster/nodes, Nacos 1.4+/2.x): one call to any
 * member lists every member with its state (UP, DOWN, SUSPICIOUS) from the cluster's own health checks.
 */
export class NacosClusterServers implements ServersApi {
  constructor(private readonly http: NacosHttp) {}

  async health(): Promise<ServersReport> {
    const answer = await this.http.json(
      {
        path: '/v1/core/cluster/nodes',
        timeoutMs: Math.min(this.http.timeoutMs, HEALTH_TIMEOUT_MS),
        what: 'Listing the Nacos cluster members',
      },
      ClusterNodesSchema,
    );
    const members = answer.data.map((node): ServerMember => {
      const address = node.address ?? `${node.ip}:${node.port}`;
      const state = node.state ?? 'UNKNOWN';
      const refreshed = node.extendInfo?.lastRefreshTime ?? null;
      return {
        id: address,
        name: address,
        address,
        role: 'server',
        up: state === 'UP',
        error: state === 'UP' ? null : say(NACOS_SENTENCES, 'memberStateAsSeen', { member: address, state }),
        version: node.extendInfo?.version ?? null,
        metrics: [
          memberMetric('state', state, 'text'),
          ...(refreshed === null
            ? []
            : [memberMetric('lastRefresh', Math.max(0, Date.now() - refreshed), 'ms')]),
        ],
      };
    });
    return {
      members,
      checkedAt: Date.now(),
      disagreements: [],
      notes: [
        {
          message: say(NACOS_SENTENCES, 'clusterMemberChecks'),
          fix: null,
        },
      ],
    };
  }
}
