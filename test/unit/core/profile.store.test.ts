import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/core/connections/profile.store.js';

describe('the profiles file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-profiles-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saved before profiles had folders or jump hosts still loads, each profile in no folder and direct', async () => {
    const file = join(dir, 'profiles.json');
    const old = {
      id: 'p1',
      name: 'zk',
      kind: 'zookeeper',
      endpoints: ['h:2181'],
      environment: 'prod',
      readOnly: true,
      sessionTimeoutMs: 15000,
      auth: null,
      tls: null,
    };
    await writeFile(file, JSON.stringify({ version: 1, profiles: [old] }));
    expect(await new ProfileStore(file).list()).toEqual([
      {
        ...old,
        folder: null,
        ssh: null,
        datacenter: null,
        contextPath: null,
        namespace: null,
        adminServerUrl: null,
      },
    ]);
  });
});
