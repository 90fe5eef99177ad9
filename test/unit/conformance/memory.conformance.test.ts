import type { ResolvedProfile } from '../../../electron/core/backends/backend.js';
import {
  createMemoryDriver,
  type MemoryDriverOptions,
} from '../../../electron/core/backends/memory/memory.driver.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import type { BackendKind } from '../../../shared/model/connection.js';
import { describeDriverConformance, type DriverHarness } from '../../conformance/driver.conformance.js';
import { testProfile } from '../../servers/test-profile.js';

const CREDENTIALS = { username: 'admin', password: 'the-right-password' };
const MAX_VALUE_BYTES = 64 * 1024;

const memoryProfile = (kind: BackendKind, endpoint: string, overrides: Partial<ResolvedProfile> = {}) =>
  testProfile(kind, [endpoint], { sessionTimeoutMs: 1000, ...overrides });

/** The in-memory driver as a store of `kind`, with endpoints that fail to connect as servers do. */
function memoryHarness(name: string, options: MemoryDriverOptions): DriverHarness {
  const { kind } = options;
  const driver = createMemoryDriver({
    ...options,
    maxValueBytes: MAX_VALUE_BYTES,
    endpoints: {
      'silent.memory': { state: 'silent' },
      'down.memory': { state: 'down' },
      'locked.memory': { credentials: CREDENTIALS },
    },
  });
  const login = (password: string): Partial<ResolvedProfile> => ({
    auth: { username: CREDENTIALS.username, hasPassword: true },
    password,
  });
  const failing = (what: string, endpoint: string): DriverHarness['connectFailures']['refused'] => ({
    what,
    code: 'UNREACHABLE',
    open: async () => ({ profile: memoryProfile(kind, endpoint), close: async () => undefined }),
  });
  return {
    name,
    driver,
    start: async () => ({ profile: () => memoryProfile(kind, 'store.memory'), stop: async () => undefined }),
    tree: {
      writable: true,
      freshRoot: async (session, root) => {
        if (KIND_DESCRIPTORS[kind].parentsMustExist) {
          await session.create(`/${root}`, Buffer.alloc(0), {
            ephemeral: false,
            sequential: false,
            container: false,
          });
        }
        return `/${root}`;
      },
      tooLargeBytes: MAX_VALUE_BYTES + 1,
      watchArmMs: 0,
    },
    capabilities: {
      ...NO_CAPABILITIES,
      ephemeral: options.modes?.ephemeral === true,
      sequential: options.modes?.sequential === true,
      container: options.modes?.container === true,
    },
    batch: options.batch !== false,
    values: { binary: true, empty: true },
    punctuationNames: true,
    nestedLevels: true,
    connectFailures: {
      unreachable: failing('accepts the connection and never answers', 'silent.memory'),
      refused: failing('refuses the connection', 'down.memory'),
      credentials: {
        refusedAtConnect: true,
        open: async () => ({
          wrong: memoryProfile(kind, 'locked.memory', login('wrong-password')),
          right: memoryProfile(kind, 'locked.memory', login(CREDENTIALS.password)),
          missing: memoryProfile(kind, 'locked.memory'),
          close: async () => undefined,
        }),
      },
    },
  };
}

describeDriverConformance(
  memoryHarness('in-memory, ZooKeeper-like (parents must exist; ephemeral, sequential, container; batches)', {
    kind: 'zookeeper',
    modes: { ephemeral: true, sequential: true, container: true },
  }),
);

describeDriverConformance(
  memoryHarness('in-memory, etcd-like (levels from keys; plain nodes; no batches)', {
    kind: 'etcd',
    batch: false,
  }),
);
