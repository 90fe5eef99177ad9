// Every contract method that changes a store, forged over the browser host's own WebSocket (as a page
// script could) against a read-only connection and an unconfirmed prod connection, on a real r-nacos (the
// one store here with every write method, history restore and audit revert included): each is refused by the write gate,
// nothing is written, and the refusal is audited.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  METHOD_NAMES,
  isWriteMethod,
  methods,
  type MethodInput,
  type MethodName,
  type WriteMethodName,
} from '../../shared/contract/methods.js';
import { WsServerFrameSchema, type CallResult } from '../../shared/contract/wire.js';
import type { AuditEntry } from '../../shared/model/audit.js';
import { createCore } from '../../electron/core/core.js';
import type { Core } from '../../electron/core/core.types.js';
import { serializeSnapshot } from '../../electron/core/backends/snapshot/snapshot.format.js';
import { writeSnapshotFile } from '../../electron/core/sync/snapshot.export.js';
import { startWebHost, type WebHost } from '../../electron/host/web.host.js';
import { startNacos, type NacosServer } from '../servers/nacos.server.js';
import { b64, text } from './support/core-client.js';

const GROUP = '/public/GATE';
const CONFIG = `${GROUP}/app.properties`;

/** A WebSocket client of the host, calling exactly as the page's transport does. */
async function socketClient(host: WebHost) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
    headers: { origin: `http://127.0.0.1:${host.port}` },
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, (outcome: CallResult) => void>();
  ws.on('message', (data: Buffer) => {
    const frame = WsServerFrameSchema.parse(JSON.parse(data.toString('utf8')));
    if (frame.type === 'result') pending.get(frame.id)?.(frame.outcome);
  });
  let next = 0;
  const raw = (method: string, input: unknown): Promise<CallResult> =>
    new Promise((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ type: 'call', id, method, input }));
    });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const outcome = await raw(method, input);
    if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.message}`);
    return methods[method].output.parse(outcome.result) as ReturnType<(typeof methods)[M]['output']['parse']>;
  };
  return { raw, call, close: () => ws.close() };
}

type Client = Awaited<ReturnType<typeof socketClient>>;

/**
 * A forged input for each write method against a connection: what a page script would send. A write
 * method added to the contract without an entry here fails the completeness test below.
 */
const FORGED: {
  [M in WriteMethodName]: (client: Client, connectionId: string, ctx: Fixture) => Promise<unknown>;
} = {
  'node.set': async (_c, connectionId) => ({
    connectionId,
    path: CONFIG,
    valueBase64: b64('forged'),
    token: null,
  }),
  'node.create': async (_c, connectionId) => ({
    connectionId,
    path: `${GROUP}/forged.properties`,
    valueBase64: b64('forged'),
  }),
  'node.delete': async (_c, connectionId) => ({ connectionId, path: CONFIG, recursive: false }),
  'acl.applyRecursive': async (_c, connectionId) => ({
    connectionId,
    path: GROUP,
    entries: [{ scheme: 'world', id: 'anyone', permissions: 'r' }],
    confirmRemoveAdmin: true,
  }),
  // Refused at the gate from the profile alone, before the store is asked (a Nacos one has no ACLs at all).
  'acl.set': async (_c, connectionId) => ({
    connectionId,
    path: CONFIG,
    entries: [{ scheme: 'world', id: 'anyone', permissions: 'r' }],
    aclVersion: 0,
    confirmRemoveAdmin: true,
  }),
  'history.restore': async (client, connectionId) => {
    const { entries } = await client.call('history.list', { connectionId, path: CONFIG });
    return { connectionId, path: CONFIG, id: entries.at(-1)!.id, token: null };
  },
  'audit.revert': async (client, connectionId) => {
    // An entry of this connection to revert: the refusal of a forged set.
    await client.raw('node.set', { connectionId, path: CONFIG, valueBase64: b64('forged'), token: null });
    const { entries } = await client.call('audit.list', { connectionId, limit: 1 });
    return { seq: entries[0]!.seq };
  },
  'audit.revertGroup': async (client, connectionId, ctx) => {
    // A sync group of this connection: the refusal of a forged sync names its sync id.
    await client.raw('sync.apply', await FORGED['sync.apply'](client, connectionId, ctx));
    const { entries } = await client.call('audit.list', { connectionId, operation: 'sync', limit: 1 });
    return { syncId: String(entries[0]!.details!['syncId']) };
  },
  'sync.apply': async (client, connectionId, ctx) => {
    const { jobId } = await client.call('compare.start', {
      left: { type: 'snapshot', file: ctx.snapshotFile },
      right: { type: 'connection', connectionId, path: GROUP },
    });
    for (;;) {
      const result = await client.call('compare.result', { jobId });
      if (result.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const plan = await client.call('sync.plan', {
      compareJobId: jobId,
      direction: 'left-to-right',
      delete: true,
    });
    expect(plan.items.length).toBeGreaterThan(0);
    return { planId: plan.planId, paths: plan.items.map((item) => item.path) };
  },
  'copy.apply': async (client, connectionId, ctx) => {
    // A copy of the writable connection's group into this one (planned, so the plan exists).
    const plan = await client.call('copy.plan', {
      source: { connectionId: ctx.devId, path: GROUP },
      target: { connectionId, path: '/public/COPIED' },
    });
    expect(plan.nodes).toBeGreaterThan(0);
    return { planId: plan.planId, move: false };
  },
};

interface Fixture {
  snapshotFile: string;
  /** The writable connection (a copy's source). */
  devId: string;
}

describe('the write gate refuses forged writes over the WebSocket', () => {
  let nacos: NacosServer;
  let dataDir: string;
  let core: Core;
  let host: WebHost;
  let client: Client;
  const ids: Record<'dev' | 'ro' | 'prod', string> = { dev: '', ro: '', prod: '' };
  const fixture: Fixture = { snapshotFile: '', devId: '' };

  beforeAll(async () => {
    nacos = await startNacos({ noAuthConsole: true });
    dataDir = await mkdtemp(join(tmpdir(), 'configdeck-gate-'));
    core = await createCore({ dataDir, transport: 'browser', version: 'test' });
    host = await startWebHost(core, dataDir, 0);
    client = await socketClient(host);
    const profile = { kind: 'nacos' as const, endpoints: [nacos.endpoint] };
    ids.dev = (await client.call('connections.save', { ...profile, name: 'nacos-dev' })).id;
    fixture.devId = ids.dev;
    ids.ro = (await client.call('connections.save', { ...profile, name: 'nacos-ro', readOnly: true })).id;
    ids.prod = (
      await client.call('connections.save', { ...profile, name: 'nacos-prod', environment: 'prod' })
    ).id;
    // Two versions of one config, so a restore has something to restore.
    await client.call('node.create', { connectionId: ids.dev, path: CONFIG, valueBase64: b64('v=1') });
    const first = await client.call('node.get', { connectionId: ids.dev, path: CONFIG });
    await client.call('node.set', {
      connectionId: ids.dev,
      path: CONFIG,
      valueBase64: b64('v=2'),
      token: first.token,
    });
    fixture.snapshotFile = join(dataDir, 'forged.json');
    await writeSnapshotFile(
      fixture.snapshotFile,
      serializeSnapshot({
        source: 'forged',
        exportedAt: new Date().toISOString(),
        keys: [{ path: '/new.properties', value: Buffer.from('forged'), meta: null, acls: null }],
      }),
    );
  });

  afterAll(async () => {
    client?.close();
    await host?.close();
    await core?.close();
    await nacos?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('knows every method: each declares how it touches the world, and each write method is forged here', () => {
    for (const method of METHOD_NAMES) {
      expect(['read', 'local', 'write'], method).toContain(methods[method].access.kind);
    }
    const writes = METHOD_NAMES.filter(isWriteMethod).sort();
    expect(Object.keys(FORGED).sort()).toEqual(writes);
    for (const method of writes) {
      // Every write method takes the confirmation its rule asks for on prod.
      expect(methods[method].input.shape, method).toHaveProperty('confirmation');
    }
  });

  /** What the store holds now, read through the writable connection. */
  async function storeState(): Promise<{ config: string; group: string[] }> {
    const config = await client.call('node.get', { connectionId: ids.dev, path: CONFIG });
    const page = await client.call('tree.children', { connectionId: ids.dev, path: GROUP });
    return { config: text(config.valueBase64), group: page.entries.map((entry) => entry.name).sort() };
  }

  async function newestAudit(connectionName: string): Promise<AuditEntry | undefined> {
    return (await client.call('audit.list', { connectionName, limit: 1 })).entries[0];
  }

  for (const [connection, code] of [
    ['ro', 'READ_ONLY'],
    ['prod', 'CONFIRMATION_REQUIRED'],
  ] as const) {
    it(`refuses every write method on the ${connection} connection with ${code}, writes nothing, audits the refusal`, async () => {
      const before = await storeState();
      expect(before).toEqual({ config: 'v=2', group: ['app.properties'] });
      for (const method of METHOD_NAMES.filter(isWriteMethod)) {
        const input = await FORGED[method](client, ids[connection], fixture);
        const seqBefore = (await newestAudit(`nacos-${connection}`))?.seq ?? 0;
        const outcome = await client.raw(method, input);
        expect(outcome, method).toMatchObject({ ok: false, error: { code } });
        expect(await storeState(), method).toEqual(before);
        const entry = await newestAudit(`nacos-${connection}`);
        expect(entry, method).toMatchObject({
          outcome: 'refused',
          error: { code },
          operation: methods[method].access.operation,
          connection: { name: `nacos-${connection}` },
        });
        expect(entry!.seq, method).toBeGreaterThan(seqBefore);
      }
    });
  }

  it('refuses a prod write whose confirmation is not the one its rule asks for', async () => {
    const wrong = await client.raw('node.set', {
      ...((await FORGED['node.set'](client, ids.prod, fixture)) as object),
      confirmation: 'nacos-prod',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    if (!wrong.ok) expect(wrong.error.message).toContain(`type the path ${CONFIG}`);
    const sync = (await FORGED['sync.apply'](client, ids.prod, fixture)) as object;
    const unconfirmedSync = await client.raw('sync.apply', { ...sync, confirmation: CONFIG });
    expect(unconfirmedSync).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    if (!unconfirmedSync.ok) expect(unconfirmedSync.error.message).toContain('type its name "nacos-prod"');
    // With the confirmation its rule asks for, the same write goes through (and is audited as ok).
    const written = await client.raw('node.set', {
      ...((await FORGED['node.set'](client, ids.prod, fixture)) as object),
      confirmation: CONFIG,
    });
    expect(written.ok).toBe(true);
    expect(await newestAudit('nacos-prod')).toMatchObject({ outcome: 'ok', operation: 'set', path: CONFIG });
    expect((await storeState()).config).toBe('forged');
  });
});
