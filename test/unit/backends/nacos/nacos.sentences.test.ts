import { describe, expect, it } from 'vitest';
import type { NacosApi } from '../../../../electron/core/backends/nacos/nacos.probe.js';
import { leaderViews } from '../../../../electron/core/backends/nacos/nacos.servers.js';
import { troubleshootingFeatures } from '../../../../electron/core/backends/nacos/nacos.troubleshoot.js';
import type { RaftMetrics } from '../../../../electron/core/backends/nacos/nacos.troubleshoot.schemas.js';
import { listenerWatchers } from '../../../../electron/core/backends/nacos/nacos.watchers.join.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';
import { zhSentences } from '../../i18n/support/zh-sentences.js';

// The Nacos backend's sentences are English (the CLI, the logs); the UI reads each back and writes the
// catalogue's Chinese, values kept, a sentence inside a sentence (a stream's scope, a leader's view) too.

const zh = zhSentences;

/** What r-nacos answers at connect: subscribers and raft metrics, no listener queries. */
const R_NACOS: NacosApi = {
  product: 'r-nacos',
  detail: false,
  history: 'r-nacos-console',
  listenerQuery: false,
  naming: 'service-list',
  namespaces: true,
  orderedConfigs: true,
  v2: false,
  v3: false,
  troubleshoot: { listenersByIp: false, subscribers: true, members: 'raft-metrics' },
  description: 'r-nacos (v1 open API; history through its console)',
};

const raft = (id: number, leader: number | null): RaftMetrics => ({
  id,
  state: 'Follower',
  current_term: 3,
  last_log_index: 10,
  last_applied: 10,
  current_leader: leader,
  membership_config: { members: [1, 2, 3] },
});

describe('the Nacos backend’s sentences in Chinese', () => {
  it('says which troubleshooting endpoints r-nacos lacks, the endpoint kept as it is', () => {
    const details = troubleshootingFeatures(R_NACOS).map((feature) => feature.detail ?? '');
    expect(details).toEqual([
      'r-nacos does not offer GET /nacos/v1/cs/configs/listener: it cannot tell which clients listen to a config.',
      'r-nacos does not offer GET /nacos/v1/cs/listener?ip=…: it cannot tell which configs a client listens to.',
      'r-nacos answers GET /nacos/v1/ns/service/subscribers.',
      'r-nacos answers GET /nacos/v1/raft/metrics (each member asked itself).',
    ]);
    expect(details.map(zh())).toEqual([
      'r-nacos 不提供 GET /nacos/v1/cs/configs/listener：无法得知哪些客户端在监听某个配置。',
      'r-nacos 不提供 GET /nacos/v1/cs/listener?ip=…：无法得知某个客户端在监听哪些配置。',
      'r-nacos 响应 GET /nacos/v1/ns/service/subscribers。',
      'r-nacos 响应 GET /nacos/v1/raft/metrics（每个成员各自查询自身）。',
    ]);
  });

  it('writes a listener’s detail with the publish that made what it holds', () => {
    const [stale, current] = listenerWatchers(
      {
        path: '/public/G/app.yaml',
        currentMd5: 'm3',
        listeners: [
          { client: '10.1.2.3', md5: 'm2', inSync: false },
          { client: '10.1.2.4', md5: 'm3', inSync: true },
        ],
      },
      [
        {
          id: '2',
          source: 'server',
          time: new Date(2026, 11, 2, 14, 2).toISOString(),
          operation: 'update',
          md5: 'm2',
          author: 'alice',
          revision: null,
          version: null,
          size: null,
          restorable: true,
          note: null,
        },
      ],
      'published',
      new Date(2026, 11, 2, 15, 0).getTime(),
    );
    expect(zh()(stale!.detail!)).toBe('10.1.2.3 仍持有由 alice 于 14:02 发布的版本。');
    expect(zh()(current!.detail!)).toBe('10.1.2.4 持有当前版本。');
  });

  it('writes every member’s view of the raft leader, in the order the members answered', () => {
    const views = leaderViews([
      { label: 'a:8848', metrics: raft(1, 1) },
      { label: 'b:8848', metrics: raft(2, null) },
      { label: 'c:8848', metrics: raft(3, 3) },
    ]);
    const disagreement = say(NACOS_SENTENCES, 'raftLeaderDisagreement', { views });
    expect(disagreement).toBe(
      'The members disagree on the raft leader: a:8848 sees node 1, b:8848 sees none, c:8848 sees node 3.',
    );
    expect(zh()(disagreement)).toBe(
      '成员对 raft 领导者的看法不一致：a:8848 认为领导者是节点 1，b:8848 认为没有领导者，c:8848 认为领导者是节点 3。',
    );
  });

  it('writes the views of members that see no leader wherever they stand in the list', () => {
    const views = leaderViews([
      { label: 'a:8848', metrics: raft(1, null) },
      { label: 'b:8848', metrics: raft(2, null) },
      { label: 'c:8848', metrics: raft(3, 2) },
    ]);
    expect(zh()(say(NACOS_SENTENCES, 'raftLeaderDisagreement', { views }))).toBe(
      '成员对 raft 领导者的看法不一致：a:8848 认为没有领导者，b:8848 认为没有领导者，c:8848 认为领导者是节点 2。',
    );
  });

  it('writes a stream’s note with the scope it watches', () => {
    const scope = say(NACOS_SENTENCES, 'scopeGroup', { group: 'DEFAULT_GROUP', namespace: 'public' });
    const note = say(NACOS_SENTENCES, 'streamOverflow', { scope, max: 2000, seconds: 3 });
    expect(note).toBe(
      'the group DEFAULT_GROUP of public has more than 2000 configs: those beyond are compared by the re-list only, so their events come up to 3 s late.',
    );
    expect(zh()(note)).toBe(
      '命名空间 public 的分组 DEFAULT_GROUP 中的配置超过 2000 个：超出的配置只靠重新列出来比较，因此它们的事件最多会晚 3 s。',
    );
  });
});
