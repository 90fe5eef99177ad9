import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';
import { importConnectionsFile } from '../../../electron/host/connections.file.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';

const files = { caFile: '/tls/ca.pem', certFile: '/tls/client.pem', keyFile: '/tls/client.key' };

// `npm run web -- --connections FILE`: the profiles are saved through the contract, TLS settings included.
describe('the --connections file', () => {
  let dir: string;
  let core: Core;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-connections-file-'));
    core = await createCore({ dataDir: dir, transport: 'browser', version: 'test', drivers: [] });
  });
  afterEach(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  const load = async (entries: unknown): Promise<number> => {
    const file = join(dir, 'connections.json');
    await writeFile(file, JSON.stringify(entries));
    return importConnectionsFile(core, file);
  };
  const profiles = async (): Promise<ConnectionProfile[]> => {
    const listed = await core.dispatch('connections.list', {}, 'test');
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.result as ConnectionProfile[];
  };

  it('keeps the tls object of a ZooKeeper entry, and an explicit insecure switch', async () => {
    const count = await load([
      { name: 'zk mtls', kind: 'zookeeper', endpoints: '10.0.0.5:2281,10.0.0.6:2281', tls: files },
      {
        name: 'zk insecure',
        kind: 'zookeeper',
        endpoints: ['10.0.0.5:2281'],
        tls: { insecureSkipVerify: true },
      },
      { name: 'zk plain', kind: 'zookeeper', endpoints: ['10.0.0.5:2181'] },
    ]);
    expect(count).toBe(3);
    const byName = new Map((await profiles()).map((profile) => [profile.name, profile]));
    expect(byName.get('zk mtls')).toMatchObject({
      endpoints: ['10.0.0.5:2281', '10.0.0.6:2281'],
      tls: files,
    });
    expect(byName.get('zk insecure')?.tls).toEqual({ insecureSkipVerify: true });
    expect(byName.get('zk plain')?.tls).toBeNull();
  });

  it('updates a profile of the same name in place, TLS files included', async () => {
    await load([{ name: 'zk mtls', kind: 'zookeeper', endpoints: ['h:2281'], tls: files }]);
    const [before] = await profiles();
    await load([
      { name: 'zk mtls', kind: 'zookeeper', endpoints: ['h:2281'], tls: { caFile: '/other/ca.pem' } },
    ]);
    const after = await profiles();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before?.id, tls: { caFile: '/other/ca.pem' } });
  });

  it('refuses an empty TLS file path, naming the entry', async () => {
    await expect(
      load([{ name: 'zk', kind: 'zookeeper', endpoints: ['h:2281'], tls: { caFile: '' } }]),
    ).rejects.toThrow(/Connection #1 in .*tls/);
  });
});
