// With dynamic reconfig on, the members come from /zookeeper/config: a profile naming one member sees all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createZooKeeperDriver } from '../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { startZooKeeperEnsemble, type ZooKeeperEnsemble } from '../servers/zookeeper.ensemble.js';
import { zooKeeperProfile } from '../servers/zookeeper.server.js';

let ensemble: ZooKeeperEnsemble;
let session: BackendSession;

beforeAll(async () => {
  ensemble = await startZooKeeperEnsemble({ size: 3, dynamicConfig: true });
  session = await createZooKeeperDriver().connect(zooKeeperProfile(ensemble.members[0]!.connectString));
}, 120_000);

afterAll(async () => {
  await session?.close();
  await ensemble?.stop();
});

describe('ZooKeeper members from the dynamic configuration', () => {
  it('lists every server.N of /zookeeper/config, not only the one the profile names', async () => {
    const report = await session.servers!.health();
    expect(report.members.map((m) => [m.name, m.address, m.up])).toEqual(
      ensemble.members.map((m) => [`server.${m.id}`, m.connectString, true]),
    );
    expect(report.members.map((m) => m.role).sort()).toEqual(['follower', 'follower', 'leader']);
    expect(report.disagreements).toEqual([]);
  });
});
