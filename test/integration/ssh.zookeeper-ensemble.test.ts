import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdServer } from '../servers/sshd.server.js';
import { startZooKeeperEnsemble, type ZooKeeperEnsemble } from '../servers/zookeeper.ensemble.js';
import { until } from './support/async-expect.js';
import { b64, startCoreClient, text, type CoreClient } from './support/core-client.js';

// A three-member ensemble behind a jump host: one forwarded port per member, and the session moves to
// another member through its own forward when its member dies, exactly as it does without a tunnel.
describe('ZooKeeper ensemble through an SSH jump host', () => {
  let sshd: SshdServer;
  let ensemble: ZooKeeperEnsemble;
  let client: CoreClient;

  beforeAll(async () => {
    const knownHosts = join(await mkdtemp(join(tmpdir(), 'configdeck-known-')), 'known_hosts');
    await writeFile(knownHosts, '');
    [sshd, ensemble] = await Promise.all([startSshd(), startZooKeeperEnsemble({ size: 3 })]);
    client = await startCoreClient('ssh-ensemble', undefined, { knownHostsFile: knownHosts });
  }, 180_000);

  afterAll(async () => {
    await client?.close();
    await Promise.all([sshd?.stop(), ensemble?.stop()]);
  });

  it('forwards every member and moves the session when its member dies: the ephemeral node stays', async () => {
    const { id } = await client.call('connections.save', {
      name: 'ensemble via bastion',
      kind: 'zookeeper',
      endpoints: [ensemble.connectString],
      sessionTimeoutMs: 20_000,
      ssh: {
        host: sshd.host,
        port: sshd.port,
        username: sshd.user,
        privateKeyFile: sshd.userKeyFile,
        hostKeySha256: sshd.hostKeySha256,
      },
    });
    const session = await client.call('connections.open', { id });
    expect(session.tunnel?.forwards).toBe(3);
    await client.call('node.create', {
      connectionId: id,
      path: '/ssh-mine',
      valueBase64: b64('held'),
      mode: { ephemeral: true },
    });
    const owner = async (): Promise<string> => {
      const node = await client.call('node.get', { connectionId: id, path: '/ssh-mine' });
      return node.meta.find((field) => field.key === 'ephemeralOwner')!.value;
    };
    const sessionId = await owner();
    const member = await ensemble.memberOfSession(sessionId);
    expect(member).not.toBeNull();

    await member!.kill();
    let moved: Awaited<ReturnType<ZooKeeperEnsemble['memberOfSession']>> = null;
    await until(async () => {
      moved = await ensemble.memberOfSession(sessionId);
      return moved !== null;
    }, 30_000);
    expect(moved!.id).not.toBe(member!.id);
    const node = await client.call('node.get', { connectionId: id, path: '/ssh-mine' });
    expect(text(node.valueBase64)).toBe('held');
    expect(await owner()).toBe(sessionId);
    await member!.restart();
  });
});
