import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../../electron/core/engine.js';

describe('openEngine: the one assembly of the engine over a data directory', () => {
  let parent: string;
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'configdeck-engine-'));
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('creates a missing data directory readable by the user only', async () => {
    const dir = join(parent, 'nested', 'data');
    const engine = await openEngine({ dataDir: dir, drivers: [] });
    const info = await stat(dir);
    expect(info.isDirectory()).toBe(true);
    expect(info.mode & 0o077).toBe(0);
    expect(engine.paths.dir).toBe(dir);
    await engine.close();
  });

  it('keeps profiles, secrets, the audit log and prefs at the paths it names', async () => {
    const engine = await openEngine({ dataDir: parent, drivers: [] });
    await engine.prefs.set('view', 'tree');
    await engine.secrets.save('connection:x:password', 's3cret');
    await engine.audit.appendMany([]);
    const saved = await engine.connections.save({
      name: 'local',
      kind: 'etcd',
      endpoints: ['127.0.0.1:1'],
      environment: 'dev',
      readOnly: false,
      sessionTimeoutMs: 1000,
    });
    expect(saved.name).toBe('local');
    const files = await readdir(parent);
    for (const path of [
      engine.paths.prefs,
      engine.paths.profiles,
      engine.paths.secrets('file-key'),
      engine.paths.fileKey,
    ]) {
      expect(files).toContain(path.slice(parent.length + 1));
    }
    await engine.close();
  });
});
