import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../../electron/core/core.js';
import { ApiClient } from '../../../../renderer/src/transport/api-client.js';
import { createBridgeTransport } from '../../../../renderer/src/transport/bridge.transport.js';
import type { Transport } from '../../../../renderer/src/transport/transport.types.js';
import { snapshotText, type SnapshotTextKey } from '../../sync/support/snapshot-text.js';

export interface SnapshotCore {
  /** The renderer's client, over the Electron bridge transport, over a real core. */
  client: ApiClient;
  connectionId: string;
  /** Every call the client made, with the signal it passed. */
  calls: { method: string; signal: AbortSignal | undefined }[];
  close(): Promise<void>;
}

/**
 * A real core with one open connection on a snapshot file (a real, read-only driver that needs no server),
 * reached by the renderer's own ApiClient the way the desktop app reaches it: bridge → dispatch.
 */
export async function startSnapshotCore(keys: readonly SnapshotTextKey[]): Promise<SnapshotCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-renderer-'));
  const file = join(dataDir, 'tree.snapshot.json');
  await writeFile(file, snapshotText(keys));
  const core = await createCore({ dataDir, transport: 'electron', version: 'test' });
  const bridge = createBridgeTransport({
    invoke: (method, input) => core.dispatch(method, input, 'renderer'),
    subscribe: (listener) => core.onEvent(listener),
  });
  const calls: SnapshotCore['calls'] = [];
  const transport: Transport = {
    ...bridge,
    invoke: (method, input, signal) => {
      calls.push({ method, signal });
      return bridge.invoke(method, input, signal);
    },
  };
  const client = new ApiClient(transport);
  const profile = await client.call('connections.save', {
    name: 'snapshot',
    kind: 'snapshot',
    endpoints: [file],
  });
  await client.call('connections.open', { id: profile.id });
  return {
    client,
    connectionId: profile.id,
    calls,
    close: async () => {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
