import type { ServerFeature } from '../../../../shared/model/server-features.js';
import { isZkError, ZkCode, type ZkClient } from './client/index.js';
import { READ_ONLY_MESSAGE, type ZooKeeperConnection } from './zookeeper.connection.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';

/** What the probes learnt about the server; the session turns it into the features shown. */
export interface ZooKeeperFeatures {
  /** `3.8.0`, from `srvr`; null when the four-letter word is not reachable (TLS port, not allowed). */
  version: string | null;
  persistentWatches: boolean | null;
  whoAmI: boolean | null;
  /** null until known: the probe found the server's answer inconclusive. */
  ttl: boolean | null;
  tls: 'verified' | 'insecure' | null;
}

/** A parent no server has: a TTL create below it is refused before anything is written. */
const TTL_PROBE_PATH = '/zookeeper/.configdeck-probe/ttl';

function atLeast(version: string | null, major: number, minor: number): boolean | null {
  const match = version === null ? null : /^(\d+)\.(\d+)/.exec(version);
  if (!match) return null;
  const [maj, min] = [Number(match[1]), Number(match[2])];
  return maj > major || (maj === major && min >= minor);
}

/** Runs a read that only newer servers know; true/false by the answer, null when it tells nothing. */
async function answers(call: () => Promise<unknown>): Promise<boolean | null> {
  try {
    await call();
    return true;
  } catch (error) {
    if (isZkError(error, ZkCode.UNIMPLEMENTED)) return false;
    return isZkError(error) && error.code !== ZkCode.CONNECTION_LOSS ? true : null;
  }
}

/**
 * TTL nodes need `zookeeper.extendedTypesEnabled` on the server, which only a create can reveal. The
 * server checks that before it looks for the parent, so a TTL create under a parent that does not exist
 * is refused with UNIMPLEMENTED (disabled) or NO_NODE (enabled), and nothing is ever written.
 */
async function probeTtl(client: ZkClient): Promise<boolean | null> {
  try {
    await client.create(TTL_PROBE_PATH, Buffer.alloc(0), { mode: 'persistentWithTtl', ttlMs: 1000 });
    return true;
  } catch (error) {
    if (isZkError(error, ZkCode.UNIMPLEMENTED)) return false;
    if (isZkError(error, ZkCode.NO_NODE)) return true;
    return null;
  }
}

/** Asks the server what it offers: from its version when `srvr` told it, else from its answers. */
export async function detectFeatures(
  connection: ZooKeeperConnection,
  version: string | null,
  tls: ZooKeeperFeatures['tls'],
): Promise<ZooKeeperFeatures> {
  const client = connection.client;
  const [whoAmI, ephemerals, ttl] = await Promise.all([
    atLeast(version, 3, 7) ?? answers(() => client.whoAmI()),
    atLeast(version, 3, 6) ?? answers(() => client.getEphemerals('/zookeeper')),
    connection.readOnly ? Promise.resolve(null) : probeTtl(client),
  ]);
  return { version, persistentWatches: ephemerals, whoAmI, ttl, tls };
}

function status(value: boolean | null): ServerFeature['status'] {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

/** The features as the connection's info lists them. */
export function describeFeatures(features: ZooKeeperFeatures, readOnly: boolean): ServerFeature[] {
  const source =
    features.version === null
      ? say(ZOOKEEPER_SENTENCES, 'fromTheAnswers')
      : say(ZOOKEEPER_SENTENCES, 'fromTheVersion', { version: features.version });
  return [
    {
      name: say(ZOOKEEPER_SENTENCES, 'featureTls'),
      status: features.tls === null ? 'no' : 'yes',
      detail:
        features.tls === null
          ? say(ZOOKEEPER_SENTENCES, 'plainTcp')
          : features.tls === 'verified'
            ? say(ZOOKEEPER_SENTENCES, 'tlsVerified')
            : say(ZOOKEEPER_SENTENCES, 'tlsInsecure'),
    },
    {
      name: say(ZOOKEEPER_SENTENCES, 'featurePersistentWatches'),
      status: status(features.persistentWatches),
      detail: say(ZOOKEEPER_SENTENCES, 'persistentWatches', { source }),
    },
    {
      name: say(ZOOKEEPER_SENTENCES, 'featureTtlNodes'),
      status: status(features.ttl),
      detail:
        features.ttl === false
          ? say(ZOOKEEPER_SENTENCES, 'ttlDisabled')
          : say(ZOOKEEPER_SENTENCES, 'ttlNodes'),
    },
    {
      name: say(ZOOKEEPER_SENTENCES, 'featureWhoAmI'),
      status: status(features.whoAmI),
      detail: say(ZOOKEEPER_SENTENCES, 'whoAmI', { source }),
    },
    {
      name: say(ZOOKEEPER_SENTENCES, 'featureReadOnly'),
      status: readOnly ? 'yes' : 'no',
      detail: readOnly ? READ_ONLY_MESSAGE : say(ZOOKEEPER_SENTENCES, 'readWrite'),
    },
    {
      name: say(ZOOKEEPER_SENTENCES, 'featureSasl'),
      status: 'no',
      detail: say(ZOOKEEPER_SENTENCES, 'noSasl'),
    },
  ];
}
