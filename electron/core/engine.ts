import { homedir } from 'node:os';
import { join } from 'node:path';
import { AuditStore } from './audit/audit.store.js';
import { defaultDriverLoaders } from './backends/drivers.js';
import { ConnectionService } from './connections/connection.service.js';
import { DriverRegistry, type DriverSources } from './connections/driver.registry.js';
import { ProfileStore } from './connections/profile.store.js';
import { ProfileTransfer } from './connections/profile.transfer.js';
import { LastUsed } from './connections/last-used.js';
import { EventBus } from './events/event.bus.js';
import { WriteGate } from './gate/write.gate.js';
import { MutationAuditor } from './nodes/mutation.auditor.js';
import { NodeService } from './nodes/node.service.js';
import { AclService } from './acl/acl.service.js';
import { createFileKeyCipher } from './secrets/file-key.cipher.js';
import type { SecretCipher } from './secrets/secret.cipher.js';
import { SecretStore } from './secrets/secret.store.js';
import { dataPaths, ensureDataDir, type DataPaths } from './storage/data-dir.js';
import { PrefsStore } from './storage/prefs.store.js';
import { SearchRegistry } from './search/search.registry.js';
import { WatchHub } from './watch/watch.hub.js';
import { StreamRegistry } from './watch/stream.registry.js';
import { HistoryService } from './history/history.service.js';
import { RevertService } from './revert/revert.service.js';

export interface EngineOptions {
  /** Where profiles, secrets, the audit log and preferences live (created when missing). */
  dataDir: string;
  /** How secrets are encrypted at rest: safeStorage in Electron; by default a user-only key file. */
  cipher?: SecretCipher;
  /** The drivers to connect with, or loaders of them by kind (all of ConfigDeck's, loaded on first use, by default). */
  drivers?: DriverSources;
  /**
   * The known_hosts file jump hosts are checked against: `$CONFIGDECK_KNOWN_HOSTS`, else
   * `~/.ssh/known_hosts`.
   */
  knownHostsFile?: string;
}

/** The engine's parts over one data directory: what every entry point (app, browser host, CLI) runs on. */
export interface Engine {
  paths: DataPaths;
  events: EventBus;
  audit: AuditStore;
  secrets: SecretStore;
  prefs: PrefsStore;
  drivers: DriverRegistry;
  connections: ConnectionService;
  /** Profile export, import and duplicate (the sidebar, `configdeck connections`). */
  profileTransfer: ProfileTransfer;
  /** When each profile was last opened (the sidebar's "last used" order). */
  lastUsed: LastUsed;
  watches: WatchHub;
  /** Live event streams (the Watch tab, `configdeck watch`). */
  streams: StreamRegistry;
  auditor: MutationAuditor;
  gate: WriteGate;
  nodes: NodeService;
  /** Reading and replacing ZooKeeper node ACLs. */
  acls: AclService;
  /** Earlier versions of a node for every store, and restoring one. */
  history: HistoryService;
  /** Undoing audited writes (one entry, or a sync group). */
  revert: RevertService;
  /** Searches by path and value running in the background (the Search tab, `configdeck search` reads directly). */
  searches: SearchRegistry;
  /** Stops every watch and closes every session the engine opened. */
  close(): Promise<void>;
}

/** Builds the engine over a data directory; the one place its parts are wired together. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const paths = dataPaths(await ensureDataDir(options.dataDir));
  const cipher = options.cipher ?? createFileKeyCipher(paths.fileKey);
  const events = new EventBus();
  const audit = new AuditStore(paths.audit);
  const secrets = new SecretStore(cipher, paths.secrets(cipher.id));
  const prefs = new PrefsStore(paths.prefs);
  const drivers = new DriverRegistry(options.drivers ?? defaultDriverLoaders());
  const watches = new WatchHub(events);
  const streams = new StreamRegistry(events);
  const connections = new ConnectionService({
    profiles: new ProfileStore(paths.profiles),
    secrets,
    drivers,
    events,
    onSessionClosed: (id) => {
      watches.forgetConnection(id);
      streams.forgetConnection(id);
    },
    ssh: {
      knownHostsFile:
        options.knownHostsFile ??
        (process.env['CONFIGDECK_KNOWN_HOSTS'] || join(homedir(), '.ssh', 'known_hosts')),
      agentSocket: process.env['SSH_AUTH_SOCK'] || null,
    },
  });
  const auditor = new MutationAuditor(audit, events);
  const nodes = new NodeService(connections, auditor);
  const searches = new SearchRegistry({ connections, events });
  return {
    paths,
    events,
    audit,
    secrets,
    prefs,
    drivers,
    connections,
    profileTransfer: new ProfileTransfer(connections, secrets),
    lastUsed: new LastUsed(prefs),
    watches,
    streams,
    auditor,
    gate: new WriteGate(auditor),
    nodes,
    acls: new AclService(connections, auditor),
    history: new HistoryService(connections, nodes, audit, streams),
    revert: new RevertService(connections, nodes, audit),
    searches,
    close: async () => {
      await searches.close();
      watches.stopAll();
      streams.stopAll();
      await connections.closeAll();
      // The audit index is written beside the log, so the next start need not read the whole log.
      await audit.close();
    },
  };
}
