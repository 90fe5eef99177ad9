import { join } from 'node:path';
import type { BackendDriver } from './backends/backend.js';
import { defaultDrivers } from './backends/drivers.js';
import { createDispatcher } from './api/dispatcher.js';
import { createHandlers } from './api/handlers.js';
import { AuditStore } from './audit/audit.store.js';
import { ConnectionService } from './connections/connection.service.js';
import { DriverRegistry } from './connections/driver.registry.js';
import { ProfileStore } from './connections/profile.store.js';
import type { Core, CoreOptions } from './core.types.js';
import { EventBus } from './events/event.bus.js';
import { MutationAuditor } from './nodes/mutation.auditor.js';
import { NodeService } from './nodes/node.service.js';
import { FeatureService } from './features/feature.service.js';
import { CompareService } from './compare/compare.service.js';
import { SecretStore } from './secrets/secret.store.js';
import { ensureDataDir } from './storage/data-dir.js';
import { PrefsStore } from './storage/prefs.store.js';
import { WatchHub } from './watch/watch.hub.js';

/** Builds the engine over a data directory; both transports (IPC and WebSocket) sit on top of it. */
export async function createCore(
  options: CoreOptions & { drivers?: readonly BackendDriver[] },
): Promise<Core> {
  await ensureDataDir(options.dataDir);
  const events = new EventBus();
  const audit = new AuditStore(join(options.dataDir, 'audit', 'audit.jsonl'));
  const secrets = new SecretStore(options.cipher, join(options.dataDir, `secrets.${options.cipher.id}.json`));
  const prefs = new PrefsStore(join(options.dataDir, 'prefs.json'));
  const watches = new WatchHub(events);
  const connections = new ConnectionService({
    profiles: new ProfileStore(options.dataDir),
    secrets,
    drivers: new DriverRegistry(options.drivers ?? defaultDrivers()),
    events,
    onSessionClosed: (id) => watches.forgetConnection(id),
  });
  const auditor = new MutationAuditor(audit, events);
  const nodes = new NodeService(connections, auditor);
  const features = new FeatureService(connections, nodes);
  const compare = new CompareService(connections, auditor, events);
  const dispatch = createDispatcher(
    createHandlers({
      connections,
      nodes,
      features,
      compare,
      watches,
      audit,
      prefs,
      secrets,
      info: { version: options.version, dataDir: options.dataDir, transport: options.transport },
    }),
  );

  return {
    dispatch: (method, rawInput, clientId) => dispatch(method, rawInput, { clientId }),
    onEvent: (listener) => events.on(listener),
    releaseClient: (clientId) => watches.releaseClient(clientId),
    close: async () => {
      watches.stopAll();
      await connections.closeAll();
    },
  };
}
