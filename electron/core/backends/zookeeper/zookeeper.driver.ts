import { AppError } from '../../../../shared/errors.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { connectTarget, connectWithin } from '../kit/connect.deadline.js';
import { loadTlsFiles, tlsConfigured } from '../kit/tls.files.js';
import { ZkClient, type ZkTlsOptions } from './client/index.js';
import { parseEndpoints } from './zookeeper.connect-string.js';
import { ZooKeeperConnection } from './zookeeper.connection.js';
import { digestAclId } from './zookeeper.acl.js';
import { toAppError } from './zookeeper.errors.js';
import { detectFeatures } from './zookeeper.features.js';
import { ZooKeeperOps } from './zookeeper.ops.js';
import { serverDescription } from './zookeeper.server-info.js';
import { ZooKeeperSession } from './zookeeper.session.js';
import type { NodeCacheLimits } from './zookeeper.stream.cache.js';
import { DEFAULT_STREAM_SETTINGS, type ZooKeeperWatchMode } from './zookeeper.streams.js';

export interface ZooKeeperDriverOptions {
  /**
   * `oneShot`: the tree's watches and event streams use re-armed one-shot watches even where the server
   * has persistent ones (tests run the path servers before 3.6 take on any server).
   */
  watches?: ZooKeeperWatchMode;
  /** How many nodes (and value bytes) a stream tracks; the default suits real trees, tests use less. */
  streamLimits?: NodeCacheLimits;
}

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

/** The profile's TLS files as the client's options, or null for plain TCP. */
async function tlsOptions(profile: ResolvedProfile): Promise<ZkTlsOptions | null> {
  if (!tlsConfigured(profile.tls)) return null;
  return loadTlsFiles(profile.tls, profile.tunnelServerNames);
}

/**
 * Resolves once the session is connected and a first request went through (digest credentials are sent
 * ahead of it, so a refused login shows here). A first connect fails as soon as every host was tried
 * once, with the reason of the last attempt, instead of retrying until the deadline.
 */
async function establish(connection: ZooKeeperConnection, signal: AbortSignal): Promise<void> {
  const ops = new ZooKeeperOps(connection.client, connection);
  const cancelled = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(new AppError('CANCELLED', 'The connect was given up.')), {
      once: true,
    });
  });
  cancelled.catch(() => undefined);
  try {
    await Promise.race([connection.client.connected({ failAfterRound: true }), cancelled]);
  } catch (error) {
    throw toAppError(error, 'connect to', 'ZooKeeper');
  }
  await Promise.race([ops.exists('/'), cancelled]);
}

/** `3.8.0` out of `ZooKeeper 3.8.0 (standalone)`. */
function versionOf(server: string | null): string | null {
  return server === null ? null : (/ZooKeeper (\S+)/.exec(server)?.[1] ?? null);
}

/** Opens a ZooKeeper session for a profile; rejects with INVALID_INPUT/UNREACHABLE/AUTH_FAILED, never hangs. */
export async function connectZooKeeper(
  profile: ResolvedProfile,
  options: ZooKeeperDriverOptions = {},
): Promise<BackendSession> {
  const endpoints = parseEndpoints(profile.endpoints);
  const credentials = digestCredentials(profile);
  const tls = await tlsOptions(profile);
  const timeoutMs = profile.sessionTimeoutMs;
  const open = (): ZooKeeperConnection => {
    const client = new ZkClient({
      hosts: endpoints.hosts,
      chroot: endpoints.chroot,
      sessionTimeoutMs: timeoutMs,
      tls,
      canBeReadOnly: true,
      auth: credentials === null ? [] : [{ scheme: 'digest', auth: credentials }],
    });
    return new ZooKeeperConnection(client, timeoutMs, endpoints.label);
  };
  const connection = await connectWithin(
    connectTarget(profile, endpoints.label),
    { open, release: (c) => c.close() },
    async (opened, signal) => {
      await establish(opened, signal);
      return opened;
    },
  );
  // Four-letter words are plain TCP on the client port; a TLS-only port does not answer them.
  const server = tls === null ? await serverDescription(endpoints.hosts, SRVR_TIMEOUT_MS) : null;
  const tlsState = tls === null ? null : tls.rejectUnauthorized === false ? 'insecure' : 'verified';
  const features = await detectFeatures(connection, versionOf(server), tlsState);
  const ensemble = {
    hosts: endpoints.hosts,
    chroot: endpoints.chroot,
    tls,
    adminServerUrl: profile.adminServerUrl,
    forwards: profile.tunnelForwards ?? null,
  };
  const identities = !profile.auth
    ? []
    : [{ scheme: 'digest', id: digestAclId(profile.auth.username, profile.password ?? '') }];
  return new ZooKeeperSession(
    connection,
    server,
    features,
    ensemble,
    {
      watches: options.watches ?? DEFAULT_STREAM_SETTINGS.watches,
      limits: options.streamLimits ?? DEFAULT_STREAM_SETTINGS.limits,
    },
    identities,
  );
}

/** The ZooKeeper backend driver (ConfigDeck's own client underneath, ./client). */
export function createZooKeeperDriver(options: ZooKeeperDriverOptions = {}): BackendDriver {
  return { kind: 'zookeeper', connect: (profile) => connectZooKeeper(profile, options) };
}
