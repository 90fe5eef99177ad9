import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsul, type ConsulServer } from '../servers/consul.server.js';
import { startCoreClient, type CoreClient } from './support/core-client.js';

// Consul flags travel with a copy between two Consul connections, on a real Consul agent: each key's flags
// (all 64 bits) set at the target after its value, every change audited under the copy's id.
describe('copy between Consul connections keeps the flags', () => {
  let consul: ConsulServer;
  let client: CoreClient;
  const ids = { a: '', b: '' };

  const url = (key: string) => `http://${consul.endpoint}/v1/kv/${key}`;
  const put = async (key: string, value: string, flags: string) => {
    const response = await fetch(`${url(key)}?flags=${flags}`, { method: 'PUT', body: value });
    expect(response.ok).toBe(true);
  };
  /** Flags as the agent keeps them (read from the raw JSON: a JS number would round 64-bit ones). */
  const flagsOf = async (key: string): Promise<string | null> => {
    const response = await fetch(url(key));
    if (response.status === 404) return null;
    return /"Flags":(\d+)/.exec(await response.text())?.[1] ?? null;
  };
  const rawOf = async (key: string) => (await fetch(`${url(key)}?raw`)).text();

  beforeAll(async () => {
    [consul, client] = await Promise.all([startConsul(), startCoreClient()]);
    const save = async (name: string) =>
      (await client.call('connections.save', { name, kind: 'consul', endpoints: [consul.endpoint] })).id;
    ids.a = await save('consul-a');
    ids.b = await save('consul-b');
    await put('fsrc/small', 'v1', '42');
    await put('fsrc/max', 'v2', '18446744073709551615');
    await put('fsrc/plain', 'v3', '0');
  });

  afterAll(async () => {
    await client?.close();
    await consul?.stop();
  });

  it('sets each copied key to its source flags, audited, the values unchanged', async () => {
    const plan = await client.call('copy.plan', {
      source: { connectionId: ids.a, path: '/fsrc' },
      target: { connectionId: ids.b, path: '/fdst' },
    });
    expect(plan.carry).toEqual({ acls: false, flags: true, note: "Each key's flags are kept." });
    const { jobId } = await client.call('copy.apply', { planId: plan.planId, move: false });
    let result = await client.call('copy.result', { jobId });
    while (result.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      result = await client.call('copy.result', { jobId });
    }
    expect(result.report).toMatchObject({ copied: 3, flagsSet: 2, failed: [], carryNote: null });
    expect(await flagsOf('fdst/small')).toBe('42');
    expect(await flagsOf('fdst/max')).toBe('18446744073709551615');
    expect(await flagsOf('fdst/plain')).toBe('0');
    expect(await rawOf('fdst/max')).toBe('v2');
    const { entries } = await client.call('audit.list', { syncId: result.report!.operationId, limit: 100 });
    const flagged = entries.filter((e) => e.details?.['flags'] !== undefined);
    expect(flagged.map((e) => `${e.path}:${e.details?.['flags']}:${e.outcome}`).sort()).toEqual([
      '/fdst/max:18446744073709551615:ok',
      '/fdst/small:42:ok',
    ]);
  });
});
