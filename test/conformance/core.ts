import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import type { DriverHarness } from './harness.js';
import { startCoreClient, type CoreClient } from '../integration/support/core-client.js';
import type { ConnectionInput } from '../../shared/model/connection.js';

/** What the connection form would send for a profile, its secret included. */
export function connectionInput(profile: ResolvedProfile, name: string): ConnectionInput {
  return {
    name,
    kind: profile.kind,
    endpoints: profile.endpoints,
    sessionTimeoutMs: profile.sessionTimeoutMs,
    datacenter: profile.datacenter,
    contextPath: profile.contextPath,
    namespace: profile.namespace,
    tls: profile.tls,
    auth:
      profile.auth === null ? null : { username: profile.auth.username, password: profile.password ?? '' },
  };
}

/** A real core (createCore over a temp data directory) whose only driver is the harness's, with one saved connection. */
export async function coreOver(
  harness: DriverHarness,
  profile: ResolvedProfile,
): Promise<{ client: CoreClient; connectionId: string; name: string }> {
  const client = await startCoreClient('conformance', [harness.driver]);
  const name = `conformance ${harness.name}`;
  try {
    const saved = await client.call('connections.save', connectionInput(profile, name));
    return { client, connectionId: saved.id, name };
  } catch (error) {
    await client.close();
    throw error;
  }
}
