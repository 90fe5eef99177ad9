import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionInput } from '../../shared/model/connection.js';
import type { SshInput } from '../../shared/model/ssh.js';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startEtcd, type EtcdServer } from '../servers/etcd.server.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { startSshd, type SshdServer } from '../servers/sshd.server.js';
import { startZooKeeper, type ZooKeeperServer } from '../servers/zookeeper.server.js';
import { rejection, until } from './support/async-expect.js';
import { runCli } from './support/cli-runner.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

// Every store through a real Debian sshd on loopback: host keys asked for, trusted, honoured from
// known_hosts and refused when changed; key, encrypted key and password logins; a second hop; TLS still
// checked against the real server name; the tunnel killed mid-session and restored with the session kept.
describe('SSH jump hosts', () => {
  let sshd: SshdServer;
  let inner: SshdServer;
  let zk: ZooKeeperServer;
  let etcd: EtcdServer;
  let etcdTls: EtcdServer;
  let consul: ConsulServer;
  let nacos: NacosServer;
  let client: CoreClient;
  let knownHosts: string;

  const viaKey = (extra: Partial<SshInput> = {}): SshInput => ({
    host: sshd.host,
    port: sshd.port,
    username: sshd.user,
    privateKeyFile: sshd.userKeyFile,
    hostKeySha256: sshd.hostKeySha256,
    ...extra,
  });
  const save = async (input: ConnectionInput) => (await client.call('connections.save', input)).id;
  const roundTrip = async (id: string, path: string, value: string) => {
    await client.call('node.create', { connectionId: id, path, valueBase64: b64(value), mode: {} });
    return text((await client.call('node.get', { connectionId: id, path })).valueBase64);
  };

  beforeAll(async () => {
    knownHosts = join(await mkdtemp(join(tmpdir(), 'configdeck-known-')), 'known_hosts');
    await writeFile(knownHosts, '# empty at first\n');
    [sshd, inner, zk, etcd, etcdTls, consul, nacos] = await Promise.all([
      startSshd(),
      startSshd(),
      startZooKeeper(),
      startEtcd(),
      startEtcd({ tls: true }),
      startConsul(),
      startNacos(),
    ]);
    client = await startCoreClient('ssh', undefined, { knownHostsFile: knownHosts });
  }, 240_000);

  afterAll(async () => {
    await client?.close();
    await Promise.all([sshd, inner, zk, etcd, etcdTls, consul, nacos].map((server) => server?.stop()));
  });

  it('asks for an unknown host key with the fingerprint ssh-keygen prints, then connects once trusted', async () => {
    const id = await save({
      name: 'zk via bastion',
      kind: 'zookeeper',
      endpoints: [zk.connectString],
      ssh: viaKey({ hostKeySha256: undefined }),
    });
    const refusal = await client.failure('connections.open', { id });
    expect(refusal.code).toBe('HOST_KEY_UNKNOWN');
    expect(refusal.hostKey).toMatchObject({
      hop: 'first',
      host: '127.0.0.1',
      port: sshd.port,
      fingerprint: sshd.hostKeySha256,
      keyType: 'ssh-ed25519',
    });
    expect(refusal.message).toContain(sshd.hostKeySha256);
    const trusted = await client.call('connections.trustHostKey', {
      id,
      hop: 'first',
      fingerprint: refusal.hostKey!.fingerprint,
    });
    expect(trusted.ssh?.hostKeySha256).toBe(sshd.hostKeySha256);
    const session = await client.call('connections.open', { id });
    expect(session.tunnel).toMatchObject({
      via: `${sshd.user}@127.0.0.1:${sshd.port}`,
      state: 'open',
      forwards: 1,
    });
    expect(await roundTrip(id, '/through-ssh', 'zk value')).toBe('zk value');
  });

  it('honours ~/.ssh/known_hosts: a listed key connects without asking', async () => {
    await writeFile(knownHosts, `${sshd.knownHostsLine}\n`);
    const id = await save({
      name: 'etcd via known_hosts',
      kind: 'etcd',
      endpoints: [etcd.endpoint],
      ssh: viaKey({ hostKeySha256: undefined }),
    });
    expect(await roundTrip(id, '/through-ssh', 'etcd value')).toBe('etcd value');
    expect(
      (await client.call('connections.list', {})).find((p) => p.id === id)?.ssh?.hostKeySha256,
    ).toBeNull();
  });

  it('logs in with a password or an encrypted key, and refuses a wrong password in one sentence', async () => {
    const byPassword = await save({
      name: 'consul by password',
      kind: 'consul',
      endpoints: [consul.endpoint],
      ssh: viaKey({ privateKeyFile: undefined, password: sshd.password }),
    });
    expect(await roundTrip(byPassword, '/through-ssh', 'consul value')).toBe('consul value');
    const profile = (await client.call('connections.list', {})).find((p) => p.id === byPassword);
    expect(profile?.ssh).toMatchObject({ hasPassword: true, privateKeyFile: null });
    expect(JSON.stringify(profile)).not.toContain(sshd.password);

    const byEncryptedKey = await save({
      name: 'nacos by encrypted key',
      kind: 'nacos',
      endpoints: [nacos.endpoint],
      ssh: viaKey({ privateKeyFile: sshd.encryptedKeyFile, passphrase: sshd.keyPassphrase }),
    });
    const dataId = '/public/DEFAULT_GROUP/through-ssh.properties';
    expect(await roundTrip(byEncryptedKey, dataId, 'nacos=value')).toBe('nacos=value');

    const wrong = await rejection(
      client.call('connections.test', {
        profile: {
          name: 'wrong password',
          kind: 'consul',
          endpoints: [consul.endpoint],
          ssh: viaKey({ privateKeyFile: undefined, password: 'not the password' }),
        },
      }),
    );
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(wrong.message).toMatch(/refused the key, agent or password/);
  });

  it('goes through a second hop reached over the first', async () => {
    const id = await save({
      name: 'zk via two hops',
      kind: 'zookeeper',
      endpoints: [zk.connectString],
      ssh: viaKey({
        next: {
          host: inner.host,
          port: inner.port,
          username: inner.user,
          password: inner.password,
          hostKeySha256: inner.hostKeySha256,
        },
      }),
    });
    const session = await client.call('connections.open', { id });
    expect(session.tunnel?.via).toBe(
      `${sshd.user}@127.0.0.1:${sshd.port} → ${inner.user}@127.0.0.1:${inner.port}`,
    );
    expect(await roundTrip(id, '/through-two-hops', 'two hops')).toBe('two hops');
  });

  it('keeps TLS checked against the real server name: localhost passes, a name not in the certificate fails', async () => {
    const tls = etcdTls.tls!;
    const named = (host: string): ConnectionInput => ({
      name: `etcd tls ${host}`,
      kind: 'etcd',
      endpoints: [`https://${host}:${etcdTls.port}`],
      tls,
      ssh: viaKey(),
    });
    expect(
      (await client.call('connections.test', { profile: named('localhost') })).latencyMs,
    ).toBeGreaterThan(0);
    // 127.1 is 127.0.0.1 to the jump host, but the certificate names neither "127.1" nor is it checked
    // against the tunnel's loopback address: refused.
    const refused = await rejection(client.call('connections.test', { profile: named('127.1') }));
    expect(refused.code).not.toBe('INTERNAL');
    expect(refused.message).toMatch(/altnames|certificate/i);
  });

  it('reconnects a dropped tunnel and the ZooKeeper session carries on (its ephemeral node survives)', async () => {
    const id = await save({
      name: 'zk survives a drop',
      kind: 'zookeeper',
      endpoints: [zk.connectString],
      sessionTimeoutMs: 30_000,
      ssh: viaKey(),
    });
    await client.call('node.create', {
      connectionId: id,
      path: '/held-by-session',
      valueBase64: b64('mine'),
      mode: { ephemeral: true },
    });
    const before = client.events.length;
    const tunnelStates = (): string[] =>
      client.events
        .slice(before)
        .filter((e) => e.event === 'tunnel.state')
        .map((e) => (e.payload as { tunnel: { state: string } }).tunnel.state);
    await sshd.drop();
    await until(() => tunnelStates().includes('reconnecting'), 10_000);
    await sshd.restart();
    await until(() => tunnelStates().includes('open'), 20_000);
    let value: string | null = null;
    await until(async () => {
      value = await client.call('node.get', { connectionId: id, path: '/held-by-session' }).then(
        (node) => text(node.valueBase64),
        () => null,
      );
      return value !== null;
    }, 25_000);
    expect(value).toBe('mine');
    expect((await client.call('connections.open', { id })).tunnel).toMatchObject({
      state: 'open',
      reconnects: 1,
    });
  });

  it('the CLI never prompts: exit 2 with the fingerprint to trust', async () => {
    await writeFile(knownHosts, '');
    await save({
      name: 'cli-untrusted',
      kind: 'etcd',
      endpoints: [etcd.endpoint],
      ssh: viaKey({ hostKeySha256: undefined }),
    });
    process.env['CONFIGDECK_KNOWN_HOSTS'] = knownHosts;
    const run = await runCli(client.dataDir, 'export', '@cli-untrusted/', '-o', '-');
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`"hostKeySha256": "${sshd.hostKeySha256}"`);
  });

  it('exports the SSH secrets sealed by a passphrase, and an import connects with them', async () => {
    const exported = await client.call('connections.export', { passphrase: 'team passphrase' });
    expect(exported.text).not.toContain(sshd.password);
    expect(exported.text).not.toContain(sshd.keyPassphrase);
    const entries = JSON.parse(exported.text) as Array<{ name: string; ssh?: { sealedPassword?: unknown } }>;
    expect(entries.find((e) => e.name === 'consul by password')?.ssh?.sealedPassword).toBeDefined();
    const other = await startCoreClient('ssh-import', undefined, { knownHostsFile: knownHosts });
    try {
      await other.call('connections.import', { text: exported.text, passphrase: 'team passphrase' });
      const imported = (await other.call('connections.list', {})).find(
        (p) => p.name === 'consul by password',
      )!;
      expect(imported.ssh).toMatchObject({ hasPassword: true, hostKeySha256: sshd.hostKeySha256 });
      const node = await other.call('node.get', { connectionId: imported.id, path: '/through-ssh' });
      expect(text(node.valueBase64)).toBe('consul value');
    } finally {
      await other.close();
    }
  });

  it('refuses a changed host key and never sends anything through it', async () => {
    const id = await save({
      name: 'zk changed key',
      kind: 'zookeeper',
      endpoints: [zk.connectString],
      ssh: viaKey(),
    });
    const trusted = sshd.hostKeySha256;
    await sshd.restart({ newHostKey: true });
    const logFile = join(dirname(sshd.userKeyFile), 'sshd.log');
    const logBefore = (await readFile(logFile, 'utf8')).length;
    const refusal = await client.failure('connections.open', { id });
    expect(refusal.code).toBe('HOST_KEY_CHANGED');
    expect(refusal.hostKey).toMatchObject({ expected: trusted, fingerprint: sshd.hostKeySha256 });
    expect(refusal.message).toContain(sshd.hostKeySha256);
    // The key was checked before any credential went out: the server saw no login at all.
    const logAfter = (await readFile(logFile, 'utf8')).slice(logBefore);
    expect(logAfter).not.toMatch(/Accepted|Failed (publickey|password)/);
  });
});
