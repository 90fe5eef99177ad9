import type { DiagnosticsApi, OwnerApi, ServersApi, WatchersApi } from '../../backend.js';
import type { ZkStat } from '../client/index.js';
import { zooKeeperDiagnostics } from './zookeeper.diagnostics.js';
import { EnsembleView, type EnsembleTarget } from './zookeeper.ensemble-view.js';
import { zooKeeperOwners } from './zookeeper.owner.js';
import { zooKeeperServers } from './zookeeper.servers.js';
import { zooKeeperWatchers } from './zookeeper.watchers.js';
import { hexSessionId } from './zookeeper.facts.js';

/** The optional session APIs ZooKeeper offers for troubleshooting, over one view of the ensemble. */
export interface ZooKeeperTroubleshooting {
  servers: ServersApi;
  diagnostics: DiagnosticsApi;
  watchers: WatchersApi;
  owners: OwnerApi;
}

/** Builds the four APIs; `stat` reads a node's stat through the session (for its ephemeral owner). */
export function zooKeeperTroubleshooting(
  target: EnsembleTarget,
  stat: (path: string) => Promise<ZkStat | null>,
): ZooKeeperTroubleshooting {
  const view = new EnsembleView(target);
  return {
    servers: zooKeeperServers(view),
    diagnostics: zooKeeperDiagnostics(view),
    watchers: zooKeeperWatchers(view),
    owners: zooKeeperOwners(view, stat),
  };
}

/** Where the ensemble is, as the driver knows it from the profile. */
export type EnsembleAddress = Pick<
  EnsembleTarget,
  'hosts' | 'chroot' | 'tls' | 'adminServerUrl' | 'forwards'
>;

/** What the session lends the views: its znode reads and its own session id. */
export interface SessionReads {
  readonly client: { readonly sessionId: bigint };
  exists(path: string): Promise<ZkStat | null>;
  getData(path: string): Promise<{ data: Buffer }>;
}

/**
 * The four APIs for a session. `/zookeeper/config` is read through the session; under a chroot the client
 * would read `<chroot>/zookeeper/config`, so the members then come from the connect string alone.
 */
export function sessionTroubleshooting(
  address: EnsembleAddress,
  reads: SessionReads,
): ZooKeeperTroubleshooting {
  return zooKeeperTroubleshooting(
    {
      ...address,
      readDynamicConfig: async () => {
        if (address.chroot !== null) return null;
        const text = (await reads.getData('/zookeeper/config')).data.toString('utf8').trim();
        return text === '' ? null : text;
      },
      ownSessionId: () => (reads.client.sessionId === 0n ? null : hexSessionId(reads.client.sessionId)),
    },
    (path) => reads.exists(path),
  );
}
