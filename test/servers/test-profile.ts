import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import type { BackendKind } from '../../shared/model/connection.js';

/** A resolved connection profile of `kind` for tests: no auth, no TLS, 5 s timeout unless overridden. */
export function testProfile(
  kind: BackendKind,
  endpoints: string[],
  overrides: Partial<ResolvedProfile> = {},
): ResolvedProfile {
  return {
    id: `${kind}-test`,
    name: `${kind} test`,
    kind,
    endpoints,
    environment: 'dev',
    readOnly: false,
    folder: null,
    sessionTimeoutMs: 5000,
    auth: null,
    tls: null,
    ssh: null,
    datacenter: null,
    contextPath: null,
    namespace: null,
    adminServerUrl: null,
    password: null,
    ...overrides,
  };
}
