import { createConsulDriver } from '../../../electron/core/backends/consul/consul.driver.js';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import { describeDriverConformance } from '../../conformance/driver.conformance.js';
import { networkFailures } from '../../conformance/endpoints.js';
import { consulProfile, startConsul } from '../../servers/consul.server.js';

const MANAGEMENT_TOKEN = '7d2f0c4e-93a1-4b6e-8f25-1c0b9e4d3a72';

describeDriverConformance({
  name: 'Consul',
  driver: createConsulDriver(),
  start: async () => {
    const server = await startConsul();
    return { profile: () => consulProfile([server.endpoint]), stop: () => server.stop() };
  },
  tree: {
    writable: true,
    // Levels follow from the keys: a fresh root is a prefix nothing uses yet.
    freshRoot: async (_session, name) => `/${name}`,
    // Consul's KV holds values up to 512 KiB.
    tooLargeBytes: 512 * 1024 + 1,
    watchArmMs: 300,
  },
  capabilities: {
    ...NO_CAPABILITIES,
    catalog: true,
    serviceRegistry: true,
    eventStreams: true,
    servers: true,
    diagnostics: true,
    owners: true,
    principals: true,
  },
  batch: true,
  values: { binary: true, empty: true },
  punctuationNames: true,
  nestedLevels: true,
  connectFailures: {
    ...networkFailures((endpoint) => consulProfile([endpoint], { sessionTimeoutMs: 1500 })),
    credentials: {
      refusedAtConnect: true,
      open: async () => {
        const server = await startConsul({ aclMasterToken: MANAGEMENT_TOKEN });
        // The ACL token travels as the password, without a user name.
        const token = (password: string) =>
          consulProfile([server.endpoint], {
            auth: { username: '', hasPassword: true },
            password,
            sessionTimeoutMs: 1500,
          });
        // Without a token the agent lets a session in as anonymous (its writes are refused).
        return {
          wrong: token('not-a-real-token'),
          right: token(MANAGEMENT_TOKEN),
          missing: null,
          close: () => server.stop(),
        };
      },
    },
  },
});
