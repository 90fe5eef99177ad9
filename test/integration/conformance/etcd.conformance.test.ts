import { createEtcdDriver } from '../../../electron/core/backends/etcd/etcd.driver.js';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import { describeDriverConformance } from '../../conformance/driver.conformance.js';
import { networkFailures } from '../../conformance/endpoints.js';
import { etcdProfile, startEtcd } from '../../servers/etcd.server.js';

const ROOT_PASSWORD = 'root-secret';

describeDriverConformance({
  name: 'etcd',
  driver: createEtcdDriver(),
  start: async () => {
    const server = await startEtcd();
    return { profile: () => etcdProfile([server.endpoint]), stop: () => server.stop() };
  },
  tree: {
    writable: true,
    // Levels follow from the keys: a fresh root is a prefix nothing uses yet.
    freshRoot: async (_session, name) => `/${name}`,
    // The server's request limit (1.5 MiB by default).
    tooLargeBytes: 1.6 * 1024 * 1024,
    watchArmMs: 200,
  },
  capabilities: {
    ...NO_CAPABILITIES,
    leases: true,
    // The server keeps earlier versions of every key (its revisions, down to the compaction).
    history: true,
    eventStreams: true,
    servers: true,
    diagnostics: true,
    leaseInventory: true,
    principals: true,
  },
  batch: true,
  values: { binary: true, empty: true },
  punctuationNames: true,
  nestedLevels: true,
  connectFailures: {
    ...networkFailures((endpoint) => etcdProfile([endpoint], { sessionTimeoutMs: 1500 })),
    credentials: {
      refusedAtConnect: true,
      open: async () => {
        const server = await startEtcd({ auth: { rootPassword: ROOT_PASSWORD } });
        const login = (password: string) =>
          etcdProfile([server.endpoint], {
            auth: { username: 'root', hasPassword: true },
            password,
            sessionTimeoutMs: 1500,
          });
        return {
          wrong: login('wrong-password'),
          right: login(ROOT_PASSWORD),
          missing: etcdProfile([server.endpoint], { sessionTimeoutMs: 1500 }),
          close: () => server.stop(),
        };
      },
    },
  },
});
