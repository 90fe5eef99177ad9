import { createDispatcher } from './api/dispatcher.js';
import { createHandlers } from './api/handlers.js';
import type { Core, CoreOptions } from './core.types.js';
import { FeatureService } from './features/feature.service.js';
import { DiagnosticsService } from './features/diagnostics.service.js';
import { CompareService } from './compare/compare.service.js';
import { CopyService } from './copy/copy.service.js';
import { openEngine } from './engine.js';
import { findExamplesDir } from './examples/example-snapshots.js';
import { SessionHolders } from './connections/session.holders.js';

/** The engine behind a window or a browser tab: the contract's dispatcher over openEngine's parts. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const engine = await openEngine(options);
  const { connections, nodes, watches, streams, audit, prefs, secrets, events, auditor, gate, searches } =
    engine;
  const holders = new SessionHolders();
  const dispatch = createDispatcher(
    createHandlers({
      connections,
      profileTransfer: engine.profileTransfer,
      lastUsed: engine.lastUsed,
      nodes,
      acls: engine.acls,
      features: new FeatureService(connections),
      compare: new CompareService(connections, auditor, events),
      copy: new CopyService(connections, auditor, gate),
      watches,
      streams,
      diagnostics: new DiagnosticsService(connections),
      audit,
      events,
      history: engine.history,
      revert: engine.revert,
      searches,
      prefs,
      secrets,
      info: { version: options.version, dataDir: options.dataDir, transport: options.transport },
      examplesDir: findExamplesDir(import.meta.url),
      holders,
    }),
    gate,
  );

  return {
    dispatch: (method, rawInput, clientId) => dispatch(method, rawInput, { clientId }),
    onEvent: (listener) => events.on(listener),
    releaseClient: (clientId) => {
      watches.releaseClient(clientId);
      holders.releaseClient(clientId);
    },
    close: () => engine.close(),
  };
}
