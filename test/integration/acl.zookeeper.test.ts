import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Perm, type ZkClient } from '../../electron/core/backends/zookeeper/client/index.js';
import { digestId } from '../../shared/acl/acl.digest.js';
import type { AuditEntry } from '../../shared/model/audit.js';
import { applyAclRecursively } from '../../electron/core/acl/acl.recursive.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeper, zooKeeperProfile, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { runCli } from './support/cli-runner.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';
import { connectedZkClient } from './support/zk-client.js';

// ACL editing on a real ZooKeeper through the contract and the CLI: read with the ACL version, saved guarded
// by it (a second client changing the ACL in between makes a CONFLICT carrying the ACL now), the entries
// checked, an ACL taking ADMIN from every identity of the session refused unless confirmed, read-only and
// prod refused at the write gate, and every save audited with the ACL before and after.
const OPEN = [{ scheme: 'world', id: 'anyone', permissions: 'crwda' }];

describe('ZooKeeper ACL editing', () => {
  let zk: ZooKeeperServer;
  let client: CoreClient;
  let other: ZkClient;
  let opsId = '';
  const ids = { dev: '', ops: '', prod: '', ro: '' };

  beforeAll(async () => {
    [zk, client] = await Promise.all([startZooKeeper(), startCoreClient()]);
    other = await connectedZkClient(zk.connectString);
    opsId = await digestId('ops', 'secret');
    const save = async (name: string, extra = {}) =>
      (
        await client.call('connections.save', {
          name,
          kind: 'zookeeper',
          endpoints: [zk.connectString],
          ...extra,
        })
      ).id;
    ids.dev = await save('zk');
    ids.ops = await save('zk-ops', { auth: { username: 'ops', password: 'secret' } });
    ids.prod = await save('zk-prod', { environment: 'prod' });
    ids.ro = await save('zk-ro', { readOnly: true });
    for (const path of [
      '/acl',
      '/acl/get',
      '/acl/set',
      '/acl/race',
      '/acl/admin',
      '/acl/gate',
      '/acl/bad',
      '/acl/cli',
    ])
      await client.call('node.create', { connectionId: ids.dev, path, valueBase64: '' });
  });

  afterAll(async () => {
    await other?.close();
    await client?.close();
    await zk?.stop();
  });

  const newest = async (connectionId: string): Promise<AuditEntry> =>
    (await client.call('audit.list', { connectionId, limit: 1 })).entries[0]!;
  const auditAcl = (value: AuditEntry['before']): unknown =>
    value !== null && 'data' in value ? JSON.parse(value.data) : null;
  const ended = async (jobId: string) => {
    let result = await client.call('acl.recursiveResult', { jobId });
    while (result.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      result = await client.call('acl.recursiveResult', { jobId });
    }
    return result;
  };

  it('offers ACL editing on ZooKeeper sessions', async () => {
    const opened = await client.call('connections.open', { id: ids.dev });
    expect(opened.capabilities).toMatchObject({ acls: true, aclEditing: true });
  });

  it("names the session's identities, which the editor warns against", async () => {
    const anonymous = await client.call('acl.identities', { connectionId: ids.dev });
    expect(anonymous).toContainEqual({ scheme: 'world', id: 'anyone' });
    expect(anonymous).toContainEqual({ scheme: 'ip', id: '127.0.0.1' });
    expect(anonymous.some((identity) => identity.scheme === 'digest')).toBe(false);
    await client.call('connections.open', { id: ids.ops });
    const ops = await client.call('acl.identities', { connectionId: ids.ops });
    expect(ops.filter((identity) => identity.scheme === 'digest').map((identity) => identity.id)).toEqual([
      expect.stringMatching(/^ops(:|$)/),
    ]);
  });

  it('reads the entries and the ACL version', async () => {
    expect(await client.call('acl.get', { connectionId: ids.dev, path: '/acl/get' })).toEqual({
      path: '/acl/get',
      entries: OPEN,
      aclVersion: 0,
    });
    await other.setACL('/acl/get', [{ perms: Perm.read, id: { scheme: 'world', id: 'anyone' } }], 0);
    expect(await client.call('acl.get', { connectionId: ids.dev, path: '/acl/get' })).toMatchObject({
      entries: [{ scheme: 'world', id: 'anyone', permissions: 'r' }],
      aclVersion: 1,
    });
  });

  it('saves guarded by the ACL version and audits the ACL before and after', async () => {
    const read = await client.call('acl.get', { connectionId: ids.ops, path: '/acl/set' });
    const entries = [
      { scheme: 'world', id: 'anyone', permissions: 'r' },
      { scheme: 'digest', id: opsId, permissions: 'rwcda' },
    ];
    // ops keeps ADMIN through its digest identity: no confirmation needed.
    const written = await client.call('acl.set', {
      connectionId: ids.ops,
      path: '/acl/set',
      entries,
      aclVersion: read.aclVersion,
    });
    expect(written.aclVersion).toBe(1);
    expect(written.entries).toEqual([entries[0], { ...entries[1], permissions: 'crwda' }]);
    const { acl, stat } = await other.getACL('/acl/set');
    expect(stat.aversion).toBe(1);
    // The server hides digest hashes from a session without ADMIN on the node (the second client here).
    expect(acl).toEqual([
      { perms: Perm.read, id: { scheme: 'world', id: 'anyone' } },
      { perms: Perm.all, id: { scheme: 'digest', id: 'ops:x' } },
    ]);
    const entry = await newest(ids.ops);
    expect(entry).toMatchObject({
      operation: 'acl',
      path: '/acl/set',
      outcome: 'ok',
      details: { aclVersion: 0 },
    });
    expect(auditAcl(entry.before)).toEqual(OPEN);
    expect(auditAcl(entry.after)).toEqual(written.entries);
    // The anonymous session may read the ACL still, but no longer change it.
    const denied = await client.failure('acl.set', {
      connectionId: ids.dev,
      path: '/acl/set',
      entries: OPEN,
      aclVersion: 1,
    });
    expect(denied.code).toBe('PERMISSION_DENIED');
  });

  it('is a CONFLICT when a second client changed the ACL since it was read, carrying the ACL now', async () => {
    const read = await client.call('acl.get', { connectionId: ids.dev, path: '/acl/race' });
    await other.setACL(
      '/acl/race',
      [{ perms: Perm.all & ~Perm.delete, id: { scheme: 'world', id: 'anyone' } }],
      0,
    );
    const conflict = await client.failure('acl.set', {
      connectionId: ids.dev,
      path: '/acl/race',
      entries: [{ scheme: 'world', id: 'anyone', permissions: 'rwa' }],
      aclVersion: read.aclVersion,
    });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toBe(
      'The ACL of /acl/race was changed by someone else since it was read (now at ACL version 1).',
    );
    expect(conflict.conflict!.currentToken).toBe('1');
    expect(
      JSON.parse(Buffer.from(conflict.conflict!.currentValueBase64!, 'base64').toString('utf8')),
    ).toEqual([{ scheme: 'world', id: 'anyone', permissions: 'crwa' }]);
    expect((await other.getACL('/acl/race')).acl).toEqual([
      { perms: Perm.all & ~Perm.delete, id: { scheme: 'world', id: 'anyone' } },
    ]);
    const entry = await newest(ids.dev);
    expect(entry).toMatchObject({ operation: 'acl', path: '/acl/race', outcome: 'conflict' });
    expect(auditAcl(entry.before)).toEqual([{ scheme: 'world', id: 'anyone', permissions: 'crwa' }]);
  });

  it('refuses an ACL that takes ADMIN from every identity of the session unless confirmed', async () => {
    const entries = [
      { scheme: 'world', id: 'anyone', permissions: 'rwcd' },
      { scheme: 'digest', id: opsId, permissions: 'a' },
    ];
    const refused = await client.failure('acl.set', {
      connectionId: ids.dev,
      path: '/acl/admin',
      entries,
      aclVersion: 0,
    });
    expect(refused.code).toBe('CONFIRMATION_REQUIRED');
    expect(refused.message).toBe(
      'This ACL removes the admin permission (a) of every identity this session has on /acl/admin, so the node could not be changed back; confirm the removal to save it anyway.',
    );
    expect((await other.getACL('/acl/admin')).stat.aversion).toBe(0);
    expect(await newest(ids.dev)).toMatchObject({ operation: 'acl', outcome: 'refused', path: '/acl/admin' });
    // Its address is one of the session's identities: an ip entry with ADMIN keeps it.
    const byAddress = await client.call('acl.set', {
      connectionId: ids.dev,
      path: '/acl/admin',
      entries: [...entries, { scheme: 'ip', id: '127.0.0.0/8', permissions: 'a' }],
      aclVersion: 0,
    });
    expect(byAddress.aclVersion).toBe(1);
    const confirmed = await client.call('acl.set', {
      connectionId: ids.dev,
      path: '/acl/admin',
      entries,
      aclVersion: 1,
      confirmRemoveAdmin: true,
    });
    expect(confirmed.aclVersion).toBe(2);
    expect((await other.getACL('/acl/admin')).acl.map((acl) => acl.id.scheme)).toEqual(['world', 'digest']);
  });

  it('checks the entries, one sentence per problem, before anything is sent', async () => {
    const invalid = await client.failure('acl.set', {
      connectionId: ids.dev,
      path: '/acl/bad',
      entries: [
        { scheme: 'kerberos', id: 'x', permissions: 'r' },
        { scheme: 'digest', id: 'ops', permissions: 'r' },
        { scheme: 'ip', id: '10.0.0.1/40', permissions: 'rz' },
      ],
      aclVersion: 0,
    });
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(invalid.message).toBe(
      'The scheme "kerberos" is not one of world, auth, digest, ip, sasl, x509. ' +
        'The digest id "ops" is not user:BASE64 (the user, a colon, and the 28-character SHA-1 digest). ' +
        'The ip id "10.0.0.1/40" has more than 32 bits. ' +
        'The entry ip:10.0.0.1/40 has permissions "rz"; only the letters r w c d a are allowed.',
    );
    expect((await other.getACL('/acl/bad')).stat.aversion).toBe(0);
  });

  it('refuses read-only connections and unconfirmed prod connections at the write gate', async () => {
    const save = {
      path: '/acl/gate',
      entries: [{ scheme: 'world', id: 'anyone', permissions: 'rwa' }],
      aclVersion: 0,
    };
    const ro = await client.failure('acl.set', { connectionId: ids.ro, ...save });
    expect(ro.code).toBe('READ_ONLY');
    expect(await newest(ids.ro)).toMatchObject({
      operation: 'acl',
      outcome: 'refused',
      error: { code: 'READ_ONLY' },
    });
    const prod = await client.failure('acl.set', { connectionId: ids.prod, ...save });
    expect(prod.code).toBe('CONFIRMATION_REQUIRED');
    expect(prod.message).toContain('type the path /acl/gate');
    expect((await other.getACL('/acl/gate')).stat.aversion).toBe(0);
    const confirmed = await client.call('acl.set', {
      connectionId: ids.prod,
      ...save,
      confirmation: '/acl/gate',
    });
    expect(confirmed.entries).toEqual([{ scheme: 'world', id: 'anyone', permissions: 'rwa' }]);
    expect(await newest(ids.prod)).toMatchObject({ operation: 'acl', outcome: 'ok', path: '/acl/gate' });
  });

  it('plans and applies an ACL to a whole subtree, every node audited, prod confirmed by its name', async () => {
    for (const path of ['/tree', '/tree/a', '/tree/a/b', '/tree/c'])
      await client.call('node.create', { connectionId: ids.dev, path, valueBase64: '' });
    await other.setACL(
      '/tree/c',
      [{ perms: Perm.read | Perm.write | Perm.admin, id: { scheme: 'world', id: 'anyone' } }],
      0,
    );
    const entries = [{ scheme: 'world', id: 'anyone', permissions: 'rwa' }];
    const plan = await client.call('acl.planRecursive', { connectionId: ids.prod, path: '/tree', entries });
    expect(plan).toMatchObject({ path: '/tree', count: 4, differing: 3 });
    expect(plan.differences.map((node) => node.path).sort()).toEqual(['/tree', '/tree/a', '/tree/a/b']);
    expect(plan.differences[0]!.entries).toEqual(OPEN);

    const unconfirmed = await client.failure('acl.applyRecursive', {
      connectionId: ids.prod,
      path: '/tree',
      entries,
    });
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect(unconfirmed.message).toContain('type its name "zk-prod"');
    expect((await other.getACL('/tree/a')).stat.aversion).toBe(0);
    const noAdmin = await client.failure('acl.applyRecursive', {
      connectionId: ids.prod,
      path: '/tree',
      entries: [{ scheme: 'world', id: 'anyone', permissions: 'r' }],
      confirmation: 'zk-prod',
    });
    expect(noAdmin.message).toContain('the node could not be changed back');
    expect(await newest(ids.prod)).toMatchObject({ operation: 'acl', outcome: 'refused', path: '/tree' });

    const { jobId } = await client.call('acl.applyRecursive', {
      connectionId: ids.prod,
      path: '/tree',
      entries,
      confirmation: 'zk-prod',
    });
    const result = await ended(jobId);
    expect(result).toMatchObject({
      state: 'done',
      error: null,
      progress: { phase: 'apply', done: 4, total: 4 },
    });
    expect(result.report).toEqual({
      path: '/tree',
      count: 4,
      changed: 3,
      unchanged: 1,
      failed: [],
      notReached: 0,
      stoppedBy: null,
    });
    expect(await client.call('acl.recursiveCancel', { jobId })).toEqual({ cancelled: false });
    for (const path of ['/tree', '/tree/a', '/tree/a/b', '/tree/c'])
      expect((await other.getACL(path)).acl, path).toEqual([
        { perms: Perm.read | Perm.write | Perm.admin, id: { scheme: 'world', id: 'anyone' } },
      ]);
    const audited = await client.call('audit.list', {
      connectionId: ids.prod,
      pathPrefix: '/tree',
      operation: 'acl',
      outcome: 'ok',
    });
    expect(audited.entries.map((entry) => entry.path).sort()).toEqual(['/tree', '/tree/a', '/tree/a/b']);
    for (const entry of audited.entries) {
      expect(entry.details).toMatchObject({ recursiveOf: '/tree', aclVersion: 0 });
      expect(auditAcl(entry.before)).toEqual(OPEN);
      expect(auditAcl(entry.after)).toEqual(entries);
    }
  });

  it('stops a recursive apply midway when cancelled, with a report of what it changed and did not reach', async () => {
    await other.create('/many', Buffer.from(''));
    await Promise.all(Array.from({ length: 400 }, (_, i) => other.create(`/many/n${i}`, Buffer.from(''))));
    const entries = [{ scheme: 'world', id: 'anyone', permissions: 'rwcda' }];
    // Every node starts with another ACL than the one applied (r w c d a versus c r w d a is the same).
    const start = [{ scheme: 'world', id: 'anyone', permissions: 'rwa' }];
    const first = await ended(
      (await client.call('acl.applyRecursive', { connectionId: ids.dev, path: '/many', entries: start }))
        .jobId,
    );
    expect(first.report).toMatchObject({ count: 401, changed: 401 });

    const { jobId } = await client.call('acl.applyRecursive', {
      connectionId: ids.dev,
      path: '/many',
      entries,
    });
    // Cancel once the walk is writing and a first progress report past the first node came in.
    let running = await client.call('acl.recursiveResult', { jobId });
    while (
      running.state === 'running' &&
      !(running.progress?.phase === 'apply' && running.progress.done > 0)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      running = await client.call('acl.recursiveResult', { jobId });
    }
    expect(running.state).toBe('running');
    expect(await client.call('acl.recursiveCancel', { jobId })).toEqual({ cancelled: true });
    const result = await ended(jobId);
    expect(result.state).toBe('cancelled');
    expect(result.error?.code).toBe('CANCELLED');
    const report = result.report!;
    expect(report.stoppedBy?.code).toBe('CANCELLED');
    expect(report.stoppedBy?.message).toMatch(
      /^The apply was cancelled after \d+ of 401 nodes; \d+ were not reached\.$/,
    );
    expect(report.changed).toBeGreaterThan(0);
    expect(report.notReached).toBeGreaterThan(0);
    expect(report.changed + report.unchanged + report.failed.length + report.notReached).toBe(401);
    // What the server holds matches the report: exactly `changed` nodes carry the new ACL.
    const paths = ['/many', ...Array.from({ length: 400 }, (_, i) => `/many/n${i}`)];
    const acls = await Promise.all(paths.map((path) => other.getACL(path)));
    expect(acls.filter(({ acl }) => acl[0]!.perms === Perm.all)).toHaveLength(report.changed);
    const audited = await client.call('audit.list', {
      connectionId: ids.dev,
      pathPrefix: '/many',
      operation: 'acl',
      outcome: 'ok',
      limit: 1000,
    });
    const second = audited.entries.filter(
      (entry) => auditAcl(entry.after) !== null && JSON.stringify(auditAcl(entry.after)).includes('crwda'),
    );
    expect(second).toHaveLength(report.changed);
  });

  it('ends a recursive apply cancelled while listing with a report that nothing was changed', async () => {
    // Through the driver's session, so the cancel lands before the listing deterministically: the signal
    // has fired when the walk starts, and the root was listed before the scan saw it.
    const session = await createZooKeeperDriver().connect(zooKeeperProfile(zk.connectString));
    try {
      const cancelled = new AbortController();
      cancelled.abort();
      const saved: string[] = [];
      const report = await applyAclRecursively(
        { profile: zooKeeperProfile(zk.connectString), session },
        '/many',
        [{ scheme: 'world', id: 'anyone', permissions: 'r' }],
        async (path) => void saved.push(path),
        { signal: cancelled.signal },
      );
      expect(saved).toEqual([]);
      expect(report).toEqual({
        path: '/many',
        count: 1,
        changed: 0,
        unchanged: 0,
        failed: [],
        notReached: 1,
        stoppedBy: {
          code: 'CANCELLED',
          message:
            'The apply was cancelled while the subtree was being listed (1 node so far); no node was changed.',
        },
      });
    } finally {
      await session.close();
    }
  });

  it('reads and sets ACLs from the CLI', async () => {
    const got = await runCli(client.dataDir, 'acl', 'get', '@zk/acl/cli');
    expect(got).toMatchObject({ code: 0, stdout: 'world:anyone:crwda\nACL version 0\n' });
    const set = await runCli(
      client.dataDir,
      'acl',
      'set',
      '@zk/acl/cli',
      'world:anyone:r',
      `digest:${opsId}:rwcda`,
      'ip:127.0.0.1:a',
    );
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(
      `Set the ACL of /acl/cli (it was world:anyone:crwda):\nworld:anyone:r\ndigest:${opsId}:crwda\nip:127.0.0.1:a\nACL version 1\n`,
    );
    const json = await runCli(client.dataDir, 'acl', 'get', '@zk/acl/cli', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ path: '/acl/cli', aclVersion: 1 });
    expect(await newest(ids.dev)).toMatchObject({ operation: 'acl', outcome: 'ok', path: '/acl/cli' });

    const bad = await runCli(client.dataDir, 'acl', 'set', '@zk/acl/cli', 'world:anyone:rx');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('only the letters r w c d a are allowed');
    const noAdmin = await runCli(client.dataDir, 'acl', 'set', '@zk/acl/cli', 'world:anyone:rw');
    expect(noAdmin.code).toBe(2);
    expect(noAdmin.stderr).toContain('the node could not be changed back');
    const prod = await runCli(client.dataDir, 'acl', 'set', '@zk-prod/acl/cli', 'world:anyone:rwa');
    expect(prod.code).toBe(2);
    expect(prod.stderr).toContain('prod connection');
    const yes = await runCli(client.dataDir, 'acl', 'set', '@zk-prod/acl/cli', 'world:anyone:rwa', '--yes');
    expect(yes.code).toBe(0);
    const removed = await runCli(
      client.dataDir,
      'acl',
      'set',
      '@zk/acl/cli',
      'world:anyone:rw',
      '--remove-admin',
    );
    expect(removed.code).toBe(0);
    expect((await other.getACL('/acl/cli')).acl).toEqual([
      { perms: Perm.read | Perm.write, id: { scheme: 'world', id: 'anyone' } },
    ]);

    for (const path of ['/cli-tree', '/cli-tree/x'])
      await client.call('node.create', { connectionId: ids.dev, path, valueBase64: '' });
    const recursive = await runCli(
      client.dataDir,
      'acl',
      'set',
      '@zk-prod/cli-tree',
      'world:anyone:rwa',
      '--recursive',
    );
    expect(recursive.code).toBe(2);
    expect(recursive.stdout).toBe(
      '2 nodes under /cli-tree, 2 with another ACL:\n  /cli-tree  world:anyone:crwda\n  /cli-tree/x  world:anyone:crwda\n',
    );
    expect(recursive.stderr).toContain('type its name "zk-prod"');
    const applied = await runCli(
      client.dataDir,
      'acl',
      'set',
      '@zk-prod/cli-tree',
      'world:anyone:rwa',
      '--recursive',
      '--yes',
    );
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Changed 2, unchanged 0, failed 0.');
    expect((await other.getACL('/cli-tree/x')).acl).toEqual([
      { perms: Perm.read | Perm.write | Perm.admin, id: { scheme: 'world', id: 'anyone' } },
    ]);
    // A dozen CLI processes (each starting tsx) in a row: a loaded machine takes more than a minute.
  }, 180_000);
});
