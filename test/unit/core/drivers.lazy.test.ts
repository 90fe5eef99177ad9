import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendDriver } from '../../../electron/core/backends/backend.js';
import { defaultDriverLoaders, type DriverLoader } from '../../../electron/core/backends/drivers.js';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import { DriverRegistry, type DriverSources } from '../../../electron/core/connections/driver.registry.js';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';
import { isAppError } from '../../../shared/errors.js';

/** A loader that counts its calls and fails the first `failures` of them, as a missing module would. */
function countingLoader(driver: BackendDriver, failures: number): DriverLoader & { calls: number } {
  const loader = Object.assign(
    async () => {
      loader.calls++;
      if (loader.calls <= failures) throw new Error('Cannot find module etcd3');
      return driver;
    },
    { calls: 0 },
  );
  return loader;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('driver registry', () => {
  it('loads a driver on first use only, and serves the same driver afterwards', async () => {
    const memory = createMemoryDriver({ kind: 'etcd' });
    const loader = countingLoader(memory, 0);
    const registry = new DriverRegistry({ etcd: loader });
    expect(loader.calls).toBe(0);
    const [first, second] = await Promise.all([registry.get('etcd'), registry.get('etcd')]);
    expect(first).toBe(memory);
    expect(second).toBe(memory);
    expect(await registry.get('etcd')).toBe(memory);
    expect(loader.calls).toBe(1);
  });

  it('turns a failed load into UNSUPPORTED naming the kind and the reason, and retries on next use', async () => {
    const memory = createMemoryDriver({ kind: 'etcd' });
    const loader = countingLoader(memory, 1);
    const registry = new DriverRegistry({ etcd: loader });
    const error = await rejection(registry.get('etcd'));
    expect(isAppError(error) && error.code).toBe('UNSUPPORTED');
    expect((error as Error).message).toBe('The etcd driver could not be loaded (Cannot find module etcd3).');
    expect(await registry.get('etcd')).toBe(memory);
    expect(loader.calls).toBe(2);
  });

  it('refuses a kind it has no driver for', async () => {
    const registry = new DriverRegistry([createMemoryDriver({ kind: 'zookeeper' })]);
    const error = await rejection(registry.get('consul'));
    expect(isAppError(error) && error.code).toBe('UNSUPPORTED');
    expect((error as Error).message).toBe('No driver for consul connections.');
  });

  it("loads each of ConfigDeck's drivers for its own kind", async () => {
    const registry = new DriverRegistry(defaultDriverLoaders());
    for (const kind of registry.kinds()) expect((await registry.get(kind)).kind).toBe(kind);
  });
});

describe.each<[string, (driver: BackendDriver) => DriverSources]>([
  ['drivers', (driver) => [driver]],
  ['loaders', (driver) => ({ zookeeper: async () => driver })],
])('the engine given %s', (_label, sources) => {
  let dir: string;
  let core: Core;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-drivers-'));
    const memory = createMemoryDriver({ kind: 'zookeeper' });
    core = await createCore({
      dataDir: dir,
      transport: 'browser',
      version: 'test',
      drivers: sources(memory),
    });
  });
  afterEach(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens a connection with them and lists a level', async () => {
    const saved = await core.dispatch(
      'connections.save',
      { name: 'memory', kind: 'zookeeper', endpoints: ['memory'] },
      't',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.result as { id: string }).id;
    const opened = await core.dispatch('connections.open', { id }, 't');
    expect(opened.ok).toBe(true);
    const listed = await core.dispatch('tree.children', { connectionId: id, path: '/', limit: 10 }, 't');
    expect(listed.ok).toBe(true);
  });

  it('answers UNSUPPORTED for a kind it was not given', async () => {
    const saved = await core.dispatch(
      'connections.save',
      { name: 'consul', kind: 'consul', endpoints: ['127.0.0.1:1'] },
      't',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    const opened = await core.dispatch('connections.open', { id: (saved.result as { id: string }).id }, 't');
    expect(opened.ok ? null : opened.error.code).toBe('UNSUPPORTED');
  });
});
