import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedProfile } from '../../../electron/core/backends/backend.js';
import { serializeSnapshot } from '../../../electron/core/backends/snapshot/snapshot.format.js';
import { createSnapshotDriver } from '../../../electron/core/backends/snapshot/snapshot.driver.js';
import { NO_CAPABILITIES } from '../../../shared/model/capabilities.js';
import { describeDriverConformance, type DriverHarness } from '../../conformance/driver.conformance.js';
import type { Fixture } from '../../conformance/harness.js';
import { testProfile } from '../../servers/test-profile.js';

const snapshotProfile = (file: string): ResolvedProfile =>
  testProfile('snapshot', [file], { readOnly: true, sessionTimeoutMs: 1000 });

/** Files of this run, in one temporary directory (the harness is built before the suite starts it). */
function snapshotFiles(): { write(name: string, text: string): Promise<string>; remove(): Promise<void> } {
  let dir: Promise<string> | null = null;
  const directory = (): Promise<string> =>
    (dir ??= mkdtemp(join(tmpdir(), 'configdeck-snapshot-conformance-')));
  return {
    write: async (name, text) => {
      const file = join(await directory(), name);
      await writeFile(file, text);
      return file;
    },
    remove: async () => {
      if (dir !== null) await rm(await dir, { recursive: true, force: true });
    },
  };
}

const snapshotOf = (fixture: Fixture): string =>
  serializeSnapshot({
    source: 'conformance',
    exportedAt: '2025-01-15T09:30:00.000Z',
    keys: fixture.flatMap(([path, value]) =>
      value === null ? [] : [{ path, value, meta: null, acls: null }],
    ),
  });

/** The snapshot driver over files written for each fixture; it cannot write, so the suite checks it refuses. */
function snapshotHarness(): DriverHarness {
  const files = snapshotFiles();
  let opened = 0;
  return {
    name: 'snapshot file (read-only)',
    driver: createSnapshotDriver(),
    start: async () => {
      const file = await files.write('store.json', snapshotOf([['/key', Buffer.from('v')]]));
      return { profile: () => snapshotProfile(file), stop: () => files.remove() };
    },
    tree: {
      writable: false,
      open: async (fixture) => {
        opened += 1;
        const file = await files.write(`fixture-${opened}.json`, snapshotOf(fixture));
        return { profile: snapshotProfile(file), root: '/' };
      },
    },
    capabilities: NO_CAPABILITIES,
    batch: false,
    values: { binary: true, empty: true },
    punctuationNames: true,
    nestedLevels: true,
    connectFailures: {
      unreachable: {
        what: 'names a file that does not exist',
        code: 'INVALID_INPUT',
        open: async () => ({
          profile: snapshotProfile(join(tmpdir(), 'configdeck-no-such-snapshot.json')),
          close: async () => undefined,
        }),
      },
      refused: {
        what: 'names a file that is not a snapshot',
        code: 'INVALID_INPUT',
        open: async () => ({
          profile: snapshotProfile(await files.write('not-a-snapshot.json', '{"hello":"world"}')),
          close: async () => undefined,
        }),
      },
      credentials: { refusedAtConnect: false, why: 'a snapshot file has no credentials' },
    },
  };
}

describeDriverConformance(snapshotHarness());
