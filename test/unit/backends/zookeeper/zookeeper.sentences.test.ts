import { describe, expect, it } from 'vitest';
import { disagreements } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.disagreements.js';
import {
  NO_FIGURES,
  type MemberFigures,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.facts.js';
import { ensembleMembers } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.members.js';
import type { Fact } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.probe.js';
import { memberHealth } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.servers.js';
import { watchCost } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.watchers.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import {
  childrenDetail,
  FOUND_AFTER_GAP,
} from '../../../../electron/core/backends/zookeeper/zookeeper.stream.events.js';
import { describeSrvr } from '../../../../electron/core/backends/zookeeper/zookeeper.server-info.js';
import { ONE_SHOT_NOTE } from '../../../../electron/core/backends/zookeeper/zookeeper.stream.one-shot.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';
import { zhSentences } from '../../i18n/support/zh-sentences.js';

// What the ZooKeeper backend says, as the UI writes it in 简体中文: the sentences built from parts (a
// reason made a sentence, a list of differences, counts) read back whole.

const zh = zhSentences;

const member = ensembleMembers({
  hosts: [{ host: '127.0.0.1', port: 2181 }],
  tls: null,
  adminServerUrl: null,
  dynamicConfig: null,
}).members[0]!;

const figures = (partial: Partial<MemberFigures>): MemberFigures => ({
  ...NO_FIGURES,
  mode: 'follower',
  ...partial,
});

describe('the ZooKeeper sentences in Chinese', () => {
  it('writes a down member’s reason', () => {
    const down: Fact<MemberFigures> = {
      ok: false,
      refused: false,
      reason: say(ZOOKEEPER_SENTENCES, 'wordConnectionRefused', { address: '127.0.0.1:2181' }),
      note: null,
    };
    const error = memberHealth(member, down, down).member.error!;
    expect(error).toBe('Nothing listens on 127.0.0.1:2181 (connection refused).');
    expect(zh()(error)).toBe('127.0.0.1:2181 上没有服务在监听（连接被拒绝）。');
  });

  it('writes each count difference of a list, and the zxid lag', () => {
    const said = disagreements([
      { name: 'server.1', figures: figures({ zxid: 0x10000000an, znodes: 1204 }) },
      { name: 'server.2', figures: figures({ zxid: 0x100000009n, znodes: 10 }) },
      { name: 'server.3', figures: figures({ zxid: 0x10000000an, znodes: 11 }) },
    ]);
    expect(said).toEqual([
      'server.2 is 1 transaction behind server.1 (zxid 0x100000009 against 0x10000000a).',
      'Znode counts differ: server.2 has 10, 1,194 fewer than server.1 with 1,204; server.3 has 11, 1,193 fewer than server.1 with 1,204.',
    ]);
    expect(said.map(zh())).toEqual([
      'server.2 落后 server.1 1 个事务（zxid 0x100000009，对方为 0x10000000a）。',
      'Znode 数不一致：server.2 有 10 个，比 server.1（1,204 个）少 1,194 个；server.3 有 11 个，比 server.1（1,204 个）少 1,193 个。',
    ]);
  });

  it('writes a member that runs without serving, and one that refuses both words', () => {
    const down: Fact<MemberFigures> = { ok: true, value: figures({ mode: null }) };
    const error = memberHealth(member, down, down).member.error!;
    expect(zh()(error)).toBe(
      '127.0.0.1:2181 正在运行但不处理请求：它没有法定人数（quorum），或仍在与领导者同步。',
    );
    const refused: Fact<MemberFigures> = { ok: false, refused: true, reason: 'refused', note: null };
    expect(zh()(memberHealth(member, refused, refused).member.error!)).toBe(
      '127.0.0.1:2181 有响应但拒绝了 srvr 和 mntr，因此无法得知其角色。',
    );
  });

  it('writes the cost with its plurals and its thousands grouped', () => {
    const answered = { member, fact: { ok: true as const, value: { connections: 1, paths: 1, watches: 1 } } };
    const cost = watchCost([answered]).message;
    expect(cost).toBe('1 member holds 1 watch; listing them is costly on the servers.');
    expect(zh()(cost)).toBe('1 个成员共有 1 个监听；列出它们会给服务器带来较大开销。');
    const many = {
      ...answered,
      fact: { ...answered.fact, value: { connections: 1, paths: 1, watches: 1204 } },
    };
    expect(watchCost([answered, many]).message).toBe(
      '2 members hold 1,205 watches; listing them is costly on the servers.',
    );
    expect(zh()(watchCost([answered, many]).message)).toBe(
      '2 个成员共有 1,205 个监听；列出它们会给服务器带来较大开销。',
    );
  });

  it('writes a watcher’s details one after another', () => {
    const ancestor = say(ZOOKEEPER_SENTENCES, 'ancestorWatch', { watched: '/app', path: '/app/a' });
    const notConnected = say(ZOOKEEPER_SENTENCES, 'sessionNotConnectedAfter', { before: ancestor });
    const detail = say(ZOOKEEPER_SENTENCES, 'thisSessionAfter', { before: notConnected });
    expect(detail).toMatch(/alike\. The session is not connected .* cons\. This ConfigDeck session\.$/);
    expect(zh()(detail)).toBe(
      '监听的是祖先节点 /app：若它是持久递归监听（addWatch -m PERSISTENT_RECURSIVE）则覆盖 /app/a；wchp 对 /app 上的一次性数据监听也同样列出。该会话没有连接到任何回答了 cons 的成员。本 ConfigDeck 会话。',
    );
  });

  it('writes a stream’s one-shot note', () => {
    expect(zh()(ONE_SHOT_NOTE)).toBe(
      '一次性 Watch 在每个事件之后重新设置，因此在事件与重新设置之间发生的变更可能被合并为一个事件。',
    );
  });

  it('writes a children event’s detail: names added and removed, the count, the same names', () => {
    const many = Array.from({ length: 8 }, (_, i) => `n${i}`);
    expect(zh()(childrenDetail(new Set(['a', 'b']), ['b', 'c']))).toBe('新增 c；删除 a（现有 2 个子节点）');
    expect(zh()(childrenDetail(new Set(), many))).toBe(
      '新增 n0, n1, n2, n3, n4 等另外 3 个（现有 8 个子节点）',
    );
    expect(zh()(childrenDetail(null, ['x']))).toBe('现有 1 个子节点');
    expect(zh()(childrenDetail(new Set(['a']), ['a']))).toBe('1 个子节点，名称未变');
  });

  it('writes the end of a gap, an expired session, and what the comparison after it found', () => {
    const gap = say(ZOOKEEPER_SENTENCES, 'gapClosedExpired', {
      from: '12:03:04',
      until: '12:03:09',
      count: 4,
    });
    expect(gap).toBe(
      'disconnected 12:03:04 – 12:03:09 (the session expired; a new one was opened); events in the gap may be missing; comparing after the gap found 4 changes',
    );
    expect(zh()(gap)).toBe(
      '12:03:04 – 12:03:09 断开连接（会话已过期，已新开一个会话）；断开期间的事件可能缺失；断开后比较发现 4 处变更',
    );
    expect(zh()(FOUND_AFTER_GAP)).toBe('断开后比较时发现');
    const children = say(ZOOKEEPER_SENTENCES, 'childrenFoundAfterGap', {
      children: childrenDetail(new Set(), ['kid']),
    });
    expect(children).toBe(`added kid (1 child now); ${FOUND_AFTER_GAP}`);
    expect(zh()(children)).toBe('新增 kid（现有 1 个子节点）；断开后比较时发现');
  });

  it('names the server’s mode in Chinese, and keeps a mode it does not know as the server said it', () => {
    const srvr = (mode: string) => `Zookeeper version: 3.8.4-abc, built on 2024-02-12\nMode: ${mode}\n`;
    expect(describeSrvr(srvr('standalone'))).toBe('ZooKeeper 3.8.4 (standalone)');
    expect(zh()(describeSrvr(srvr('standalone'))!)).toBe('ZooKeeper 3.8.4（单机）');
    expect(zh()(describeSrvr(srvr('follower'))!)).toBe('ZooKeeper 3.8.4（跟随者）');
    expect(zh()(describeSrvr(srvr('read-only'))!)).toBe('ZooKeeper 3.8.4（read-only）');
  });

  it('writes a stream’s lost connection and a change it could not read', () => {
    const lost = say(ZOOKEEPER_SENTENCES, 'disconnectedAt', {
      time: '12:03:04',
      reason: say(ZOOKEEPER_SENTENCES, 'sessionExpired'),
    });
    expect(lost).toBe('disconnected at 12:03:04: the session expired');
    expect(zh()(lost)).toBe('12:03:04 断开连接：会话已过期');
    expect(zh()(say(ZOOKEEPER_SENTENCES, 'diffSpans', { changes: 3, version: 7 }))).toBe(
      '此差异跨越 3 次变更：节点在读取之前又被修改（版本 7）。',
    );
  });
});
