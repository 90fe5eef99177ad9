import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import {
  loadSnapshotTree,
  SnapshotSession,
} from '../../../electron/core/backends/snapshot/snapshot.session.js';
import { reportView } from '../../../electron/core/compare/job.views.js';
import type { CopyReport } from '../../../shared/model/copy.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';
import { ZOOKEEPER_SENTENCES } from '../../../shared/sentences/zookeeper.js';
import { b64, startCoreClient, type CoreClient } from '../../integration/support/core-client.js';
import { zhSentences } from './support/zh-sentences.js';

// A copy's plan notes, what a move leaves in the source and why, a sync's failed write and a snapshot's
// description come from the core in English; the copy dialog and the compare screen show them in the
// UI's language. The copies run through the contract over in-memory ZooKeeper-like and etcd-like stores.

describe('a copy’s and a move’s sentences in the UI', () => {
  let client: CoreClient;
  const ids = { zk: '', etcd: '' };

  const write = (connectionId: string, path: string, value: string, ephemeral = false) =>
    client.call('node.create', {
      connectionId,
      path,
      valueBase64: b64(value),
      mode: { ephemeral, sequential: false, container: false },
    });
  const plan = (from: [string, string], to: [string, string]) =>
    client.call('copy.plan', {
      source: { connectionId: from[0], path: from[1] },
      target: { connectionId: to[0], path: to[1] },
      overwrite: false,
    });
  const applied = async (planId: string, move: boolean): Promise<CopyReport> => {
    const { jobId } = await client.call('copy.apply', { planId, move });
    for (let i = 0; i < 200; i++) {
      const result = await client.call('copy.result', { jobId });
      if (result.state !== 'running') return result.report!;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the copy did not finish');
  };

  beforeEach(async () => {
    client = await startCoreClient('copy-sentences', [
      createMemoryDriver({ kind: 'zookeeper', modes: { ephemeral: true } }),
      createMemoryDriver({ kind: 'etcd' }),
    ]);
    const save = async (name: string, kind: 'zookeeper' | 'etcd') =>
      (await client.call('connections.save', { name, kind, endpoints: [`${name}.memory`] })).id;
    ids.zk = await save('zk', 'zookeeper');
    ids.etcd = await save('etcd', 'etcd');
  });

  afterEach(async () => {
    await client.close();
  });

  it('writes the plan’s notes on ephemeral nodes and on what is not carried in Chinese', async () => {
    await write(ids.zk, '/src', 'root');
    await write(ids.zk, '/src/a', '1');
    await write(ids.zk, '/src/eph', 'session-bound', true);
    const zh = zhSentences();

    const toEtcd = await plan([ids.zk, '/src'], [ids.etcd, '/from-zk']);
    expect(toEtcd.ephemeral.note).toBe(
      '1 ephemeral node is not copied: they belong to a live ZooKeeper session, which recreates them.',
    );
    expect(zh(toEtcd.ephemeral.note!)).toBe(
      '1 个临时节点不会被复制：它们属于一个活动的 ZooKeeper 会话，由该会话重新创建。',
    );
    expect(toEtcd.carry.note).toBe('ZooKeeper ACLs are not carried: etcd has none.');
    expect(zh(toEtcd.carry.note!)).toBe('ZooKeeper ACL 不会随之复制：etcd 没有 ACL。');

    const toZk = await plan([ids.zk, '/src'], [ids.zk, '/copy']);
    expect(toZk.carry.note).toBe("Each node's ACL is kept (where this session may set it).");
    expect(zh(toZk.carry.note!)).toBe('每个节点的 ACL 都会保留（在此会话有权设置的情况下）。');
  });

  it('writes why a move leaves keys in the source in Chinese', async () => {
    await write(ids.etcd, '/src/dir', 'd');
    await write(ids.etcd, '/src/dir/a', '1');
    await write(ids.etcd, '/dst/dir/a', 'kept');
    const planned = await plan([ids.etcd, '/src'], [ids.etcd, '/dst']);
    const report = await applied(planned.planId, true);
    const zh = zhSentences();
    const lines = report.notDeleted.map((item) => [item.code, item.message, zh(item.message)]);
    expect(lines).toEqual([
      [
        'NOT_COPIED',
        'The target does not hold the same value as /dir/a (kept there, or not written): the source stays.',
        '目标处的值与 /dir/a 不同（在目标处被保留，或未写入）：源节点保留。',
      ],
      [
        'CHILDREN_LEFT',
        '/dir/a stays in the source, so /dir above it stays too.',
        '/dir/a 留在源处，因此其上层的 /dir 也保留。',
      ],
    ]);
  });

  it('writes why a move is not one transaction, and what the one transaction held, in Chinese', () => {
    const zh = zhSentences();
    const reason = say(ZOOKEEPER_SENTENCES, 'moveEphemeral', { path: '/app/eph' });
    const note = say(COPY_SENTENCES, 'moveCopiesVerifiesDeletes', { reason });
    expect(note).toBe(
      'A move copies, verifies, then deletes: /app/eph is ephemeral (it belongs to a live session).',
    );
    expect(zh(note)).toBe('移动将先复制、校验，再删除：/app/eph 是临时节点（属于一个活动会话）。');
    const multi = say(COPY_SENTENCES, 'oneMultiAclsKept', { operations: 6 });
    expect(multi).toBe('one ZooKeeper multi of 6 operations, ACLs kept.');
    expect(zh(multi)).toBe('一个包含 6 个操作的 ZooKeeper multi，ACL 已保留。');
  });

  it('writes a sync’s failed write without a store sentence in Chinese', () => {
    const view = reportView({
      syncId: 's1',
      source: 'left',
      target: 'right',
      summary: { applied: 0, conflict: 0, failed: 1, skipped: 0 },
      items: [{ path: '/a', action: 'create', outcome: 'failed', error: null }],
      stoppedBy: null,
      durationMs: 1,
    });
    expect(view.failed).toEqual([{ path: '/a', code: 'INTERNAL', message: 'The write failed.' }]);
    expect(zhSentences()(view.failed[0]!.message)).toBe('写入失败。');
  });
});

describe('a snapshot file’s description in the UI', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-snapshot-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the file, its source and its time in Chinese', async () => {
    const file = join(dir, 'staging.json');
    const snapshot = {
      format: 'configdeck-snapshot',
      version: 1,
      source: 'zk://127.0.0.1:2181/app',
      exportedAt: '2026-12-03T10:00:00.000Z',
      keyCount: 1,
      keys: [{ path: '/a', value: '1' }],
    };
    await writeFile(file, JSON.stringify(snapshot));
    const session = new SnapshotSession(await loadSnapshotTree(file), file);
    expect(session.server).toBe(`snapshot ${file} (from zk://127.0.0.1:2181/app, 2026-12-03T10:00:00.000Z)`);
    expect(zhSentences()(session.server)).toBe(
      `快照 ${file}（来自 zk://127.0.0.1:2181/app，2026-12-03T10:00:00.000Z）`,
    );
  });
});
