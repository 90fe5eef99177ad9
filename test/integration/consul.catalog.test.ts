import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendSession } from '../../electron/core/backends/backend.js';
import { createConsulDriver } from '../../electron/core/backends/consul/consul.driver.js';
import { consulProfile, startConsul, type ConsulServer } from '../servers/consul.server.js';

let server: ConsulServer;
let session: BackendSession;
let nodeName: string;

async function agent(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`http://${server.endpoint}${path}`, {
    method: body === undefined ? 'GET' : 'PUT',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** Registers one instance of `web` with a TTL check in the given state. */
async function registerWeb(id: string, port: number, status: 'pass' | 'fail', note: string): Promise<void> {
  await agent('/v1/agent/service/register', {
    ID: id,
    Name: 'web',
    Address: '10.0.0.1',
    Port: port,
    Tags: ['v1', id],
    Meta: { build: id },
    Weights: { Passing: 5, Warning: 1 },
    // Start from the other status: the agent syncs a status change to the catalog at once, an output alone later.
    Check: {
      CheckID: `${id}-ttl`,
      Name: `${id} heartbeat`,
      TTL: '10m',
      Status: status === 'pass' ? 'critical' : 'passing',
    },
  });
  await agent(`/v1/agent/check/${status}/${id}-ttl?note=${encodeURIComponent(note)}`, {});
}

beforeAll(async () => {
  server = await startConsul();
  session = await createConsulDriver().connect(
    consulProfile([server.endpoint], { id: 'consul-catalog-test', name: 'consul catalog test' }),
  );
  nodeName = ((await (await agent('/v1/agent/self')).json()) as { Config: { NodeName: string } }).Config
    .NodeName;
  await registerWeb('web-1', 8080, 'pass', 'all good');
  await registerWeb('web-2', 8081, 'fail', 'db down');
  // The agent copies its checks to the catalog asynchronously: wait until the catalog has both outputs.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await (await agent('/v1/health/checks/web')).text();
    if (text.includes('all good') && text.includes('db down')) break;
    if (Date.now() > deadline) throw new Error(`the catalog never showed the check outputs: ${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
});

describe('Consul driver: catalog and service registry', () => {
  it('shows the datacenters, the leader and the raft peers', async () => {
    const overview = await session.catalog!.overview(null);
    expect(overview).toMatchObject({
      datacenter: 'dc1',
      datacenters: ['dc1'],
      version: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(overview.leader).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(overview.peers).toEqual([overview.leader]);
    await expect(session.catalog!.overview('nowhere')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('lists the nodes with their node-level checks', async () => {
    const nodes = await session.catalog!.nodes(null);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ node: nodeName, address: '127.0.0.1', datacenter: 'dc1' });
    expect(nodes[0]!.checks).toContainEqual(
      expect.objectContaining({ checkId: 'serfHealth', status: 'passing', node: nodeName }),
    );
    expect(nodes[0]!.checks.every((check) => check.node === nodeName)).toBe(true);
  });

  it('lists services with instance and healthy counts', async () => {
    const services = await session.registry!.services({});
    expect(services.map((s) => s.name)).toEqual(['consul', 'web']);
    expect(services.find((s) => s.name === 'web')).toEqual({
      name: 'web',
      namespace: null,
      group: null,
      tags: expect.arrayContaining(['v1', 'web-1', 'web-2']),
      instanceCount: 2,
      healthyCount: 1,
    });
  });

  it('lists the instances of a service with health, weight, metadata and check output', async () => {
    const instances = await session.registry!.instances('web', {});
    const byId = new Map(instances.map((i) => [i.id, i]));
    expect(byId.get('web-1')).toMatchObject({
      node: nodeName,
      address: '10.0.0.1',
      port: 8080,
      healthy: true,
      weight: 5,
      enabled: null,
      ephemeral: null,
      tags: ['v1', 'web-1'],
      metadata: { build: 'web-1' },
    });
    expect(byId.get('web-1')!.checks).toContainEqual({
      checkId: 'web-1-ttl',
      name: 'web-1 heartbeat',
      status: 'passing',
      output: 'all good',
      node: null,
    });
    expect(byId.get('web-2')).toMatchObject({ healthy: false, port: 8081 });
    expect(byId.get('web-2')!.checks).toContainEqual(
      expect.objectContaining({ checkId: 'web-2-ttl', status: 'critical', output: 'db down' }),
    );
    expect(await session.registry!.instances('no-such-service', {})).toEqual([]);
  });

  it('shows a service in maintenance as not healthy', async () => {
    await agent('/v1/agent/service/maintenance/web-1?enable=true&reason=upgrade', {});
    let web1 = (await session.registry!.instances('web', {})).find((i) => i.id === 'web-1');
    for (let tries = 0; web1?.healthy !== false && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the agent syncs to the catalog asynchronously
      web1 = (await session.registry!.instances('web', {})).find((i) => i.id === 'web-1');
    }
    expect(web1?.healthy).toBe(false);
    expect(web1?.checks).toContainEqual(expect.objectContaining({ status: 'maintenance' }));
    await agent('/v1/agent/service/maintenance/web-1?enable=false', {});
  });
});
