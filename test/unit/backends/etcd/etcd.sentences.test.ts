import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fetchMetrics } from '../../../../electron/core/backends/etcd/etcd.metrics.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_KIND } from '../../../../shared/kinds/etcd.kind.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';
import { alarmsTable } from '../../../../electron/core/backends/etcd/etcd.alarms.js';
import { disagreements, serverMember } from '../../../../electron/core/backends/etcd/etcd.member-health.js';
import { streamScope } from '../../../../electron/core/backends/etcd/etcd.stream.scope.js';
import { zhSentences } from '../../i18n/support/zh-sentences.js';
import { member, status, up } from './etcd-status.fixture.js';

// The etcd backend writes its sentences in English from shared/sentences/etcd.ts; the UI reads each back
// (with the sentences inside it) and writes it in its language. These are the backend's own sentences,
// built by the backend's functions, as a Chinese UI shows them.

const zhSays = zhSentences;

describe('the etcd backend’s sentences in Chinese', () => {
  it('writes a member’s error with the sentence inside it', () => {
    const error = serverMember(up('m3', '3', status('3', '0', 50))).error!;
    expect(error).toBe('m3 reports: it knows no leader (the cluster may have lost its quorum).');
    expect(zhSays()(error)).toBe('m3 报告：它不知道谁是领导者（集群可能已失去法定人数）。');
  });

  it('writes the disagreements: a split leadership and a lagging member', () => {
    const split = disagreements([
      up('m1', '1', status('1', '1', 10)),
      up('m2', '2', status('2', '1', 10)),
      up('m3', '3', status('3', '3', 10)),
    ]);
    expect(split.map(zhSays())).toEqual(['成员对领导者的看法不一致：m1 和 m2 跟随 1, m3 跟随 3。']);
    const lagging = disagreements([
      up('m1', '1', status('1', '1', 6234)),
      up('m2', '2', status('2', '1', 5000, 6234)),
    ]);
    expect(lagging.map(zhSays())).toEqual([
      'm2 比 m1 落后 1,234 个已应用的 Raft 条目（已应用索引 5,000，对方为 6,234）。',
      'm2 有 1,234 个已提交但尚未应用的 Raft 条目。',
    ]);
  });

  it('writes the alarms advice, the keys a stream leaves out, and the kind’s sentence on watchers', () => {
    const none = alarmsTable([], [member('m1', '1')]);
    expect(zhSays()(none.notes[0]!.message)).toBe(
      '没有任何成员触发告警（etcd 的告警有 NOSPACE 和 CORRUPT）。',
    );
    const note = streamScope('/app', true).narrower!.note!;
    expect(zhSays()(note)).toBe('此连接的用户只能读取 /app 下的键，因此 /app 本身的变更不在此事件流中。');
    // The diagnostics note says what the kind says, so both read back as this sentence.
    expect(ETCD_SENTENCES.watchersUnknown).toBe(ETCD_KIND.watchersUnknown);
  });

  it('writes why a member’s /metrics gave nothing: its HTTP status, or no answer in time', async () => {
    const server = createServer((request, response) => {
      if (request.url === '/metrics') response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const status = await fetchMetrics(url, undefined, 2000).catch((error: Error) => error.message);
      expect(status).toBe(`GET ${url}/metrics answered HTTP 404`);
      const line = say(ETCD_SENTENCES, 'gaugesMemberFailed', { member: 'm1', error: String(status) });
      expect(zhSays()(line)).toBe(`m1 /metrics：GET ${url}/metrics 返回 HTTP 404`);
      server.removeAllListeners('request');
      server.on('request', () => undefined);
      const silent = await fetchMetrics(url, undefined, 100).catch((error: Error) => error.message);
      expect(silent).toBe(`GET ${url}/metrics failed: no answer within 100 ms`);
      expect(zhSays()(String(silent))).toBe(`GET ${url}/metrics 失败：100 毫秒内没有应答`);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
