import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import type { DiagnosticTable } from '../../shared/model/diagnostics.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';

/** The node name the test agent runs as (test/servers/consul.server.ts). */
const NODE = 'configdeck-test';

let server: ConsulServer;
let session: BackendSession;
let lockSession: string;

async function consul(method: 'GET' | 'PUT', target: string, body?: string): Promise<unknown> {
  const response = await fetch(`http://${server.endpoint}${target}`, { method, body });
  if (!response.ok) throw new Error(`${method} ${target}: HTTP ${response.status}`);
  return response.json();
}

const table = (tables: DiagnosticTable[], id: string): DiagnosticTable => {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

beforeAll(async () => {
  server = await startConsul();
  session = await createConsulDriver().connect(
    consulProfile([server.endpoint], { id: 'consul-diag-test', name: 'consul diagnostics test' }),
  );
  // A second client's session (another process would do the same) that takes a lock on a key.
  const created = (await consul(
    'PUT',
    '/v1/session/create',
    JSON.stringify({ Name: 'leader-election', TTL: '30s' }),
  )) as {
    ID: string;
  };
  lockSession = created.ID;
  await consul('PUT', '/v1/kv/locks/free', 'nobody');
  expect(await consul('PUT', `/v1/kv/locks/leader?acquire=${lockSession}`, 'me')).toBe(true);
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('Consul: who is connected, who owns a key, servers at a glance', () => {
  it('resolves the session holding a lock to its name, node, address, checks and TTL', async () => {
    const owner = await session.owners!.query('/locks/leader');
    expect(owner).toMatchObject({
      path: '/locks/leader',
      owned: true,
      sessionId: lockSession,
      clients: [{ address: '127.0.0.1', member: NODE }],
    });
    const facts = Object.fromEntries(owner.facts.map((f) => [f.key, f.value]));
    expect(facts).toMatchObject({
      sessionName: 'leader-election',
      node: NODE,
      checks: 'serfHealth',
      ttl: '30s',
      behavior: 'release',
      key: 'locks/leader',
      lockIndex: '1',
    });
    expect(owner.facts.find((f) => f.key === 'sessionName')?.label).toBe('Session name');

    const free = await session.owners!.query('/locks/free');
    expect(free).toMatchObject({ owned: false, sessionId: null, clients: [] });
    expect(free.notes[0]?.message).toMatch(/No session holds the lock on key locks\/free/);
    await expect(session.owners!.query('/locks/missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks the locked key in the tree listing and in its metadata', async () => {
    const page = await session.listChildren('/locks', { cursor: null, limit: 10, filter: null });
    expect(page.entries.map((e) => [e.name, e.lockSession])).toEqual([
      ['free', null],
      ['leader', lockSession],
    ]);
    const root = await session.listChildren('/', { cursor: null, limit: 10, filter: null });
    expect(root.entries.map((e) => [e.name, e.lockSession])).toEqual([['locks', null]]);
    const value = await session.get('/locks/leader', { maxBytes: 0 });
    expect(value.meta.find((m) => m.key === 'lock_session')?.value).toBe(lockSession);
    expect(value.meta.find((m) => m.key === 'session')?.value).toContain('leader-election');
  });

  it('lists the LAN members and the sessions with their node, checks and locked keys', async () => {
    const { tables } = await session.diagnostics!.report();
    const members = table(tables, 'members');
    expect(members.available).toBe(true);
    expect(members.rows).toEqual([
      expect.objectContaining({ name: NODE, role: 'server', status: 'alive', datacenter: 'dc1' }),
    ]);
    const sessions = table(tables, 'sessions');
    expect(sessions.rows).toEqual([
      {
        id: lockSession,
        name: 'leader-election',
        node: NODE,
        checks: 'serfHealth',
        behavior: 'release',
        ttl: '30s',
        locks: 'locks/leader',
      },
    ]);
  });

  it('shows the leader and its raft peers within the health deadline', async () => {
    const started = Date.now();
    const health = await session.servers!.health();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(health.members).toEqual([
      expect.objectContaining({
        id: NODE,
        role: 'leader',
        up: true,
        error: null,
        version: expect.stringMatching(/^\d+\.\d+/),
      }),
    ]);
    expect(health.members[0]!.metrics).toContainEqual({
      key: 'voter',
      label: 'Raft voter',
      value: 'yes',
      unit: 'text',
      word: { key: 'yes', params: {} },
    });
    expect(health.disagreements).toEqual([]);
  });

  it('reads the blocking-query gauge from the agent metrics', async () => {
    // Keep blocking queries starting on the server so that a finished metrics interval holds the gauge.
    const streams = await session.streams!.open(
      '/busy',
      { recursive: true, sinceRevision: null },
      {
        emit: () => undefined,
        fail: () => undefined,
      },
    );
    // Consul's in-memory sink shows the last finished 10-second interval: at most two rounds of it.
    let gauge = table((await session.diagnostics!.report()).tables, 'blocking-queries');
    for (let round = 0; !gauge.available && round < 50; round++) {
      await consul('PUT', '/v1/kv/busy/key', String(round));
      await new Promise((resolve) => setTimeout(resolve, 500));
      gauge = table((await session.diagnostics!.report()).tables, 'blocking-queries');
    }
    streams.stop();
    expect(gauge.available).toBe(true);
    // Gauges carry the agent's host name unless telemetry.disable_hostname is set.
    expect(gauge.rows[0]!['gauge']).toMatch(/^consul\.([^.]+\.)?rpc\.queries_blocking$/);
    expect(gauge.rows[0]!['value']).toBeGreaterThanOrEqual(1);
  }, 40_000);
});

describe('Consul servers health when the agent goes away', () => {
  it('marks the agent down within the health deadline and up again once it answers', async () => {
    await server.kill();
    const started = Date.now();
    const down = await session.servers!.health();
    expect(Date.now() - started).toBeLessThan(3500);
    expect(down.members).toEqual([
      expect.objectContaining({
        id: server.endpoint,
        up: false,
        error: expect.stringMatching(/unreachable/),
      }),
    ]);
    await server.restart();
    const deadline = Date.now() + 15_000;
    let up = await session.servers!.health();
    while (!up.members.some((m) => m.name === NODE && m.up && m.role === 'leader') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      up = await session.servers!.health();
    }
    expect(up.members.map((m) => [m.name, m.role, m.up])).toEqual([[NODE, 'leader', true]]);
  }, 30_000);
});

describe('Consul troubleshooting with a token of few rights', () => {
  const MASTER = '6a0d3c52-1f7e-4b8a-9c2d-3e4f5a6b7c8d';
  let acl: ConsulServer;
  let limited: BackendSession;
  let held: string;

  async function master(target: string, body: object): Promise<Record<string, unknown>> {
    const response = await fetch(`http://${acl.endpoint}${target}`, {
      method: 'PUT',
      headers: { 'X-Consul-Token': MASTER },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PUT ${target}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  beforeAll(async () => {
    acl = await startConsul({ aclMasterToken: MASTER });
    await master('/v1/acl/policy', {
      Name: 'kv-and-nodes',
      Rules:
        'key_prefix "" { policy = "read" }\nkey_prefix "secret/" { policy = "deny" }\nnode_prefix "" { policy = "read" }',
    });
    const token = await master('/v1/acl/token', { Policies: [{ Name: 'kv-and-nodes' }] });
    // A session needs the node's serfHealth check, which the agent registers shortly after the election.
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        held = (await master('/v1/session/create', { Name: 'hidden-holder' }))['ID'] as string;
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const response = await fetch(`http://${acl.endpoint}/v1/kv/locks/leader?acquire=${held}`, {
      method: 'PUT',
      headers: { 'X-Consul-Token': MASTER },
      body: 'me',
    });
    expect(await response.json()).toBe(true);
    await fetch(`http://${acl.endpoint}/v1/kv/secret/x`, {
      method: 'PUT',
      headers: { 'X-Consul-Token': MASTER },
      body: 'x',
    });
    limited = await createConsulDriver().connect(
      consulProfile([acl.endpoint], { id: 'consul-diag-acl', password: token['SecretID'] as string }),
    );
  });

  afterAll(async () => {
    await limited?.close();
    await acl?.stop();
  });

  it('says what the token may not read, with the rule that allows it, instead of empty tables', async () => {
    const { tables } = await limited.diagnostics!.report();
    const gauge = table(tables, 'blocking-queries');
    expect(gauge).toMatchObject({ available: false, rows: [] });
    expect(gauge.reason).toEqual({
      message: expect.stringMatching(/may not read the agent's metrics/),
      fix: 'agent_prefix "" { policy = "read" }',
    });
    const sessions = table(tables, 'sessions');
    expect(sessions.rows).toEqual([]);
    expect(sessions.notes.map((n) => n.fix)).toContain('session_prefix "" { policy = "read" }');

    const health = await limited.servers!.health();
    expect(health.members.map((m) => [m.name, m.role, m.up])).toEqual([[NODE, 'leader', true]]);
    expect(health.notes.map((n) => n.fix)).toContain('operator = "read"');

    const owner = await limited.owners!.query('/locks/leader');
    expect(owner).toMatchObject({ owned: true, sessionId: held, clients: [] });
    expect(owner.notes[0]?.fix).toBe('session_prefix "" { policy = "read" }');
    const page = await limited.listChildren('/locks', { cursor: null, limit: 10, filter: null });
    expect(page.entries.map((e) => [e.name, e.lockSession])).toEqual([['leader', held]]);
  });

  it('says when the token hides keys from a stream', async () => {
    const sink = { emit: () => undefined, fail: () => undefined };
    const all = await limited.streams!.open('/', { recursive: true, sinceRevision: null }, sink);
    const locks = await limited.streams!.open('/locks', { recursive: true, sinceRevision: null }, sink);
    all.stop();
    locks.stop();
    expect(all.note).toMatch(/hides some keys here/);
    expect(locks.note).not.toMatch(/hides some keys/);
  });
});
