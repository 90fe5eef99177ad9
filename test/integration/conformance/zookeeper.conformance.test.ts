import { createZooKeeperDriver } from '../../../electron/core/backends/zookeeper/zookeeper.driver.js';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import { describeDriverConformance } from '../../conformance/driver.conformance.js';
import { networkFailures } from '../../conformance/endpoints.js';
import { startZooKeeper, zooKeeperProfile } from '../../servers/zookeeper.server.js';

describeDriverConformance({
  name: 'ZooKeeper',
  driver: createZooKeeperDriver(),
  start: async () => {
    const server = await startZooKeeper();
    return { profile: () => zooKeeperProfile(server.connectString), stop: () => server.stop() };
  },
  tree: {
    writable: true,
    freshRoot: async (session, name) =>
      (
        await session.create(`/${name}`, Buffer.alloc(0), {
          ephemeral: false,
          sequential: false,
          container: false,
        })
      ).path,
    // jute.maxbuffer (1 MiB) bounds a whole request, so a value of exactly 1 MiB is already refused.
    tooLargeBytes: 1024 * 1024,
    watchArmMs: 200,
  },
  capabilities: {
    ...NO_CAPABILITIES,
    ephemeral: true,
    sequential: true,
    container: true,
    ttl: true,
    acls: true,
    aclEditing: true,
    servers: true,
    diagnostics: true,
    watchers: true,
    owners: true,
    eventStreams: true,
  },
  batch: true,
  values: { binary: true, empty: true },
  punctuationNames: true,
  nestedLevels: true,
  connectFailures: {
    ...networkFailures((endpoint) => zooKeeperProfile(endpoint, { sessionTimeoutMs: 1500 })),
    credentials: {
      refusedAtConnect: false,
      why: 'ZooKeeper accepts any digest login; a wrong one is refused where an ACL asks for it',
    },
  },
});
