import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryAuditFile } from '../../../electron/core/audit/audit.query.js';
import { AuditStore } from '../../../electron/core/audit/audit.store.js';
import type { BackendSession } from '../../../electron/core/backends/backend.js';
import { createMemoryDriver } from '../../../electron/core/backends/memory/memory.driver.js';
import { EventBus } from '../../../electron/core/events/event.bus.js';
import { MutationAuditor, type MutationFacts } from '../../../electron/core/nodes/mutation.auditor.js';
import { AppError } from '../../../shared/errors.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import { rejection } from '../../integration/support/async-expect.js';

const PROFILE: ConnectionProfile = {
  id: 'm1',
  name: 'memory etcd',
  kind: 'etcd',
  endpoints: ['etcd.memory'],
  environment: 'staging',
  readOnly: false,
  folder: null,
  sessionTimeoutMs: 1000,
  auth: null,
  tls: null,
  ssh: null,
  datacenter: null,
  contextPath: null,
  namespace: null,
  adminServerUrl: null,
};
const PLAIN = { ephemeral: false, sequential: false, container: false };
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

// The auditor around real writes of an in-memory store: exactly one entry per mutation, whatever its outcome.
describe('mutation auditor', () => {
  let dir: string;
  let store: AuditStore;
  let auditor: MutationAuditor;
  let appended: Array<{ seq: number; connectionName: string; path: string }>;
  let session: BackendSession;

  const facts = (
    path: string,
    after: string | null,
    overrides: Partial<MutationFacts> = {},
  ): MutationFacts => ({
    profile: PROFILE,
    operation: 'set',
    path,
    before: null,
    after: after === null ? null : utf8(after),
    ...overrides,
  });
  const entries = async () => (await queryAuditFile(store.filePath, {})).entries.reverse();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'configdeck-auditor-'));
    store = new AuditStore(join(dir, 'audit.jsonl'));
    const events = new EventBus();
    appended = [];
    events.on((event, payload) => {
      if (event === 'audit.appended') appended.push(payload as (typeof appended)[number]);
    });
    auditor = new MutationAuditor(store, events);
    session = await createMemoryDriver({ kind: 'etcd' }).connect({ ...PROFILE, password: null });
    await session.create('/key', utf8('old'), PLAIN);
  });

  afterEach(async () => {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('records a write that went through with what only the write knew (the value it replaced)', async () => {
    const written = await auditor.run(
      facts('/key', 'new'),
      () => session.set('/key', utf8('new'), null),
      (result) => ({ before: result.before }),
    );
    expect(written.node.valueBase64).toBe(utf8('new').toString('base64'));
    const [entry] = await entries();
    expect(entry).toMatchObject({
      connection: {
        id: 'm1',
        name: 'memory etcd',
        kind: 'etcd',
        environment: 'staging',
        endpoints: ['etcd.memory'],
      },
      operation: 'set',
      path: '/key',
      before: { encoding: 'utf8', data: 'old' },
      after: { encoding: 'utf8', data: 'new' },
      outcome: 'ok',
      error: null,
    });
    expect(appended).toEqual([{ seq: entry!.seq, connectionName: 'memory etcd', path: '/key' }]);
  });

  it('records a conflict with the value the conflict found as before, and rethrows it', async () => {
    const { token } = await session.get('/key', { maxBytes: 0 });
    await session.set('/key', utf8('theirs'), null);
    const error = await rejection(
      auditor.run(facts('/key', 'late'), () => session.set('/key', utf8('late'), token)),
    );
    expect(error.code).toBe('CONFLICT');
    const [entry] = await entries();
    expect(entry).toMatchObject({
      outcome: 'conflict',
      before: { data: 'theirs' },
      error: { code: 'CONFLICT' },
    });
  });

  it('tells refusals from failures, and turns an unexpected error into INTERNAL', async () => {
    const refused = await rejection(
      auditor.run(facts('/key', 'x'), () => Promise.reject(new AppError('READ_ONLY', 'read-only'))),
    );
    expect(refused.code).toBe('READ_ONLY');
    await rejection(
      auditor.run(facts('/key', 'x'), () => Promise.reject(new AppError('CONFIRMATION_REQUIRED', 'type it'))),
    );
    const failed = await rejection(
      auditor.run(facts('/missing/child', null, { operation: 'delete' }), () =>
        session.delete('/missing/child', { recursive: false, token: null }),
      ),
    );
    expect(failed.code).toBe('NOT_FOUND');
    const internal = await rejection(
      auditor.run(facts('/key', 'x'), () => Promise.reject(new Error('boom'))),
    );
    expect(internal).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('boom') });
    expect((await entries()).map((e) => [e.operation, e.outcome, e.error?.code])).toEqual([
      ['set', 'refused', 'READ_ONLY'],
      ['set', 'refused', 'CONFIRMATION_REQUIRED'],
      ['delete', 'failed', 'NOT_FOUND'],
      ['set', 'failed', 'INTERNAL'],
    ]);
    expect(await session.get('/key', { maxBytes: 0 })).toMatchObject({
      valueBase64: utf8('old').toString('base64'),
    });
  });

  it('records the writes of one batch in one append, each with the batch outcome', async () => {
    const writes = ['/a', '/b', '/c'].map((path) => facts(path, path, { operation: 'create' }));
    await session.batch!.apply(writes.map((w) => ({ op: 'create', path: w.path, value: w.after! })));
    await auditor.recorded(writes, null);
    await auditor.recorded(
      [facts('/a', 'again', { operation: 'create' })],
      new AppError('CONFLICT', 'moved'),
    );
    const all = await entries();
    expect(all.map((e) => [e.path, e.outcome])).toEqual([
      ['/a', 'ok'],
      ['/b', 'ok'],
      ['/c', 'ok'],
      ['/a', 'conflict'],
    ]);
    expect(appended.map((event) => event.path)).toEqual(['/a', '/b', '/c', '/a']);
    expect(new Set(all.map((e) => e.seq)).size).toBe(4);
  });
});
