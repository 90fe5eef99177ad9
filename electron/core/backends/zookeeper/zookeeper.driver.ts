import { createClient } from 'node-zookeeper-client';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { seconds } from './zookeeper.call.js';
import { parseEndpoints } from './zookeeper.connect-string.js';
import { ZooKeeperConnection } from './zookeeper.connection.js';
import { ZooKeeperOps } from './zookeeper.ops.js';
import { guardReplies } from './zookeeper.reply-guard.js';
import { serverDescription } from './zookeeper.server-info.js';
import { ZooKeeperSession } from './zookeeper.session.js';

/** Longest random pause between two rounds over all servers while (re)connecting. */
const SPIN_DELAY_MS = 500;
/** The server description is a nicety: never let it slow a connect down by more than this. */
const SRVR_TIMEOUT_MS = 1000;

/** The `user:password` bytes of digest auth, or null without auth. */
function digestCredentials(profile: ResolvedProfile): Buffer | null {
  if (!profile.auth) return null;
  if (profile.auth.username.length === 0) {
    throw new AppError('INVALID_INPUT', 'ZooKeeper digest auth needs a user name.');
  }
  if (profile.auth.username.includes(':')) {
    throw new AppError('INVALID_INPUT', 'A ZooKeeper digest user name may not contain a colon (:).');
  }
  return Buffer.from(`${profile.auth.username}:${profile.password ?? ''}`, 'utf8');
}

/**
 * Resolves once the session is connected and a first request went through (digest credentials are sent
 * ahead of it, so a refused login shows here), rejects within `timeoutMs` otherwise.
 */
function establish(connection: ZooKeeperConnection, timeoutMs: number): Promise<void> {
  const ops = new ZooKeeperOps(connection.client, connection);
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const finish = (error: AppError | null): void => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      stopListening();
      if (error) reject(error);
      else resolve();
    };
    const deadline = setTimeout(
      () =>
        finish(
          new AppError(
            'UNREACHABLE',
            `Could not reach ZooKeeper at ${connection.endpointLabel} within ${seconds(timeoutMs)}.`,
          ),
        ),
      timeoutMs,
    );
    const stopListening = connection.onState((state) => {
      if (state === 'connected') {
        ops.exists('/').then(
          () => finish(null),
          (error: unknown) => {
            // A drop right after connecting: the next 'connected' probes again, the deadline bounds it.
            if (isAppError(error) && (error.code === 'UNREACHABLE' || error.code === 'TIMEOUT')) return;
            finish(isAppError(error) ? error : new AppError('INTERNAL', String(error)));
          },
        );
      } else if (state === 'disconnected' || state === 'expired') {
        finish(
          connection.deadReason() ??
            new AppError('UNREACHABLE', `ZooKeeper at ${connection.endpointLabel} ended the session.`),
        );
      }
    });
    connection.client.connect();
  });
}

/** Opens a ZooKeeper session for a profile; rejects with INVALID_INPUT/UNREACHABLE/AUTH_FAILED, never hangs. */
export async function connectZooKeeper(profile: ResolvedProfile): Promise<BackendSession> {
  const endpoints = parseEndpoints(profile.endpoints);
  const credentials = digestCredentials(profile);
  const timeoutMs = profile.sessionTimeoutMs;
  const client = createClient(endpoints.connectString, {
    sessionTimeout: timeoutMs,
    spinDelay: SPIN_DELAY_MS,
    retries: 0,
  });
  guardReplies(client);
  const connection = new ZooKeeperConnection(client, timeoutMs, endpoints.label);
  // Stored by the library and sent first on every (re)connect of this session.
  if (credentials) client.addAuthInfo('digest', credentials);
  try {
    await establish(connection, timeoutMs);
  } catch (error) {
    void connection.close(); // a session that never started has nothing to wait for: settle at the deadline
    throw error;
  }
  const server = await serverDescription(endpoints.hosts, SRVR_TIMEOUT_MS);
  return new ZooKeeperSession(connection, server);
}

/** The ZooKeeper backend driver (node-zookeeper-client underneath). */
export function createZooKeeperDriver(): BackendDriver {
  return { kind: 'zookeeper', connect: connectZooKeeper };
}
