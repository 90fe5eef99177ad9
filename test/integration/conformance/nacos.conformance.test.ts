import { createNacosDriver } from '../../../electron/core/backends/nacos/nacos.driver.js';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import { describeDriverConformance } from '../../conformance/driver.conformance.js';
import { networkFailures } from '../../conformance/endpoints.js';
import { nacosProfile, startNacos } from '../../servers/nacos.server.js';

const ADMIN = { username: 'configdeck', password: 'S3cret-nacos' };

describeDriverConformance({
  name: 'Nacos (r-nacos)',
  driver: createNacosDriver(),
  start: async () => {
    const server = await startNacos();
    return {
      profile: () => nacosProfile([server.endpoint]),
      // r-nacos's graceful stop waits for pending long polls (up to 30 s): the watches leave some.
      stop: async () => {
        await server.kill();
        await server.stop();
      },
    };
  },
  tree: {
    writable: true,
    // A group of the default namespace: it holds flat dataIds and exists once one is written.
    freshRoot: async (_session, name) => `/public/${name}`,
    // The default request body limit of r-nacos (10 MiB).
    tooLargeBytes: 11 * 1024 * 1024,
    watchArmMs: 500,
  },
  capabilities: {
    ...NO_CAPABILITIES,
    serviceRegistry: true,
    eventStreams: true,
    diagnostics: true,
    servers: true,
  },
  batch: false,
  // Nacos stores non-empty UTF-8 text, named by letters, digits and `_ - . :`, in flat groups.
  values: { binary: false, empty: false },
  punctuationNames: false,
  nestedLevels: false,
  connectFailures: {
    ...networkFailures((endpoint) => nacosProfile([endpoint], { sessionTimeoutMs: 1500 })),
    credentials: {
      refusedAtConnect: true,
      open: async () => {
        const server = await startNacos({ auth: ADMIN });
        const login = (password: string) =>
          nacosProfile([server.endpoint], {
            auth: { username: ADMIN.username, hasPassword: true },
            password,
            sessionTimeoutMs: 1500,
          });
        return {
          wrong: login('wrong-password'),
          right: login(ADMIN.password),
          missing: nacosProfile([server.endpoint], { sessionTimeoutMs: 1500 }),
          close: () => server.stop(),
        };
      },
    },
  },
});
