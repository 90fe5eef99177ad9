import { Etcd3 } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { toAppError } from './etcd.errors.js';
import { clientOptions } from './etcd.options.js';
import { EtcdSession } from './etcd.session.js';

/** Rejects after `ms` with UNREACHABLE: at connect time a server that does not answer counts as unreachable. */
function connectDeadline(ms: number, endpoints: string): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('UNREACHABLE', `etcd at ${endpoints} did not answer within ${ms} ms.`)),
      ms,
    );
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Proves the connection: the server's status (its version), then a one-key read, which is what
 * tells a missing or wrong password apart (status answers without authentication). A user whose
 * roles do not cover that key still connects.
 */
async function verify(client: Etcd3, endpoints: string): Promise<string | null> {
  try {
    const status = await client.maintenance.status({});
    await client.kv.range({ key: Buffer.from('/'), count_only: true }).catch((error: unknown) => {
      const appError = toAppError(error, `Connecting to ${endpoints}`);
      if (appError.code !== 'PERMISSION_DENIED') throw appError;
    });
    return status.version ? `etcd ${status.version}` : null;
  } catch (error) {
    const appError = toAppError(error, `Connecting to ${endpoints}`);
    if (appError.code === 'TIMEOUT') {
      throw new AppError('UNREACHABLE', `etcd at ${endpoints} did not answer in time.`);
    }
    throw appError;
  }
}

/** Opens etcd v3 sessions through the etcd3 gRPC client. */
export class EtcdDriver implements BackendDriver {
  readonly kind = 'etcd' as const;

  async connect(profile: ResolvedProfile): Promise<BackendSession> {
    const options = await clientOptions(profile);
    const endpoints = profile.endpoints.join(', ');
    const client = new Etcd3(options);
    const deadline = connectDeadline(profile.sessionTimeoutMs, endpoints);
    try {
      const server = await Promise.race([verify(client, endpoints), deadline.promise]);
      return new EtcdSession(client, profile.sessionTimeoutMs, server);
    } catch (error) {
      client.close();
      throw toAppError(error, `Connecting to ${endpoints}`);
    } finally {
      deadline.clear();
    }
  }
}

/** The etcd driver registered in drivers.ts. */
export function createEtcdDriver(): BackendDriver {
  return new EtcdDriver();
}
