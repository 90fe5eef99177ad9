import { Etcd3 } from 'etcd3';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { connectTarget, connectWithin, type ConnectResource } from '../kit/connect.deadline.js';
import { toAppError } from './etcd.errors.js';
import { clientOptions } from './etcd.options.js';
import { EtcdSession } from './etcd.session.js';

/**
 * Proves the connection: the server's status (its version), then a one-key read, which is what
 * tells a missing or wrong password apart (status answers without authentication). A user whose
 * roles do not cover that key still connects.
 */
async function verify(client: Etcd3, endpoints: string): Promise<string | null> {
  const what = `Connecting to ${endpoints}`;
  try {
    const status = await client.maintenance.status({});
    await client.kv.range({ key: Buffer.from('/'), count_only: true }).catch((error: unknown) => {
      const appError = toAppError(error, what);
      if (appError.code !== 'PERMISSION_DENIED') throw appError;
    });
    return status.version ? `etcd ${status.version}` : null;
  } catch (error) {
    throw toAppError(error, what);
  }
}

/** Opens etcd v3 sessions through the etcd3 gRPC client. */
export class EtcdDriver implements BackendDriver {
  readonly kind = 'etcd' as const;

  async connect(profile: ResolvedProfile): Promise<BackendSession> {
    const options = await clientOptions(profile);
    const target = connectTarget(profile);
    const client: ConnectResource<Etcd3> = { open: () => new Etcd3(options), release: (c) => c.close() };
    return connectWithin(target, client, async (etcd) => {
      const server = await verify(etcd, target.endpoints);
      return new EtcdSession(etcd, profile.sessionTimeoutMs, server, options, profile.auth?.username ?? null);
    });
  }
}

/** The etcd driver registered in drivers.ts. */
export function createEtcdDriver(): BackendDriver {
  return new EtcdDriver();
}
