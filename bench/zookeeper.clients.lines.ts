// The lines of the ZooKeeper client bench: the same loop for every client, through its ZkBenchClient adapter.
import { childName, pipelined } from './seed.js';
import type { ZkBenchClient } from './zk-clients/zk-bench-client.js';

/** Requests in flight on every pipelined line, for every client: the one knob that keeps the columns comparable. */
export const IN_FLIGHT = 1000;
/** Creates per multi on the create line; IN_FLIGHT / MULTI_SIZE multis are in flight, so as many creates. */
export const MULTI_SIZE = 100;
export const VALUE_BYTES = 50;

export const LINES = [
  { name: 'list', label: 'a. list all names (getChildren)' },
  { name: 'stats', label: 'b. list with stats (+ exists each)' },
  { name: 'values', label: 'c. get all values (getData each)' },
  { name: 'creates', label: `d. creates (multis of ${MULTI_SIZE})` },
] as const;
export type LineName = (typeof LINES)[number]['name'];

/** What one line did, as the case process reports it (one JSON line on stdout). */
export interface LineFigures {
  ms: number;
  /**
   * CPU the case process spent (user + system) while timed: the client's own cost. On two shared cores the server
   * often bounds the wall time, and then this is where the clients differ.
   */
  cpuMs: number;
  /** Requests sent inside the timing (a multi counts once). */
  requests: number;
  /** Names listed, values read or nodes created: checked by the runner against what it seeded. */
  items: number;
  /** Value bytes read (line c). */
  bytes: number;
  peakRssMb: number;
  /** How the line ran when it differs from the others (a client without multi). */
  note?: string;
}

/** A ~50-byte JSON value, the size of a typical small config entry. */
export function benchValue(i: number): Buffer {
  const head = `{"i":${i},"pad":"`;
  return Buffer.from(`${head}${'x'.repeat(VALUE_BYTES - head.length - 2)}"}`);
}

type Work = Omit<LineFigures, 'peakRssMb'>;

/** Wall time and this process's CPU time of `work`. */
async function measured<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuMs: (user + system) / 1000, value };
}

async function list(client: ZkBenchClient, parent: string): Promise<Work> {
  const { ms, cpuMs, value } = await measured(() => client.children(parent));
  return { ms, cpuMs, requests: 1, items: value.length, bytes: 0 };
}

async function stats(client: ZkBenchClient, parent: string): Promise<Work> {
  const { ms, cpuMs, value } = await measured(async () => {
    const names = await client.children(parent);
    await pipelined(names.length, IN_FLIGHT, (i) => client.exists(`${parent}/${names[i]!}`));
    return names.length;
  });
  return { ms, cpuMs, requests: 1 + value, items: value, bytes: 0 };
}

/** The names are listed before the timing starts, so requests/s is getData's alone. */
async function values(client: ZkBenchClient, parent: string): Promise<Work> {
  const paths = (await client.children(parent)).map((name) => `${parent}/${name}`);
  let bytes = 0;
  const { ms, cpuMs } = await measured(() =>
    pipelined(paths.length, IN_FLIGHT, async (i) => {
      // Read first, then add: `bytes += await …` would add to the total as it was before the await.
      const data = await client.getData(paths[i]!);
      bytes += data.length;
    }),
  );
  return { ms, cpuMs, requests: paths.length, items: paths.length, bytes };
}

/** Under a fresh, empty parent that the runner made for this client (and deletes afterwards). */
async function creates(client: ZkBenchClient, parent: string, count: number): Promise<Work> {
  const paths = Array.from({ length: count }, (_, i) => `${parent}/${childName(i)}`);
  const data = benchValue(0);
  const multiCreate = client.multiCreate?.bind(client);
  if (multiCreate === undefined) {
    const { ms, cpuMs } = await measured(() =>
      pipelined(count, IN_FLIGHT, (i) => client.create(paths[i]!, data)),
    );
    const note = `${count} single creates, ${IN_FLIGHT} in flight: its API has no multi`;
    return { ms, cpuMs, requests: count, items: count, bytes: 0, note };
  }
  const batches = Array.from({ length: Math.ceil(count / MULTI_SIZE) }, (_, b) =>
    paths.slice(b * MULTI_SIZE, (b + 1) * MULTI_SIZE),
  );
  const { ms, cpuMs } = await measured(() =>
    pipelined(batches.length, IN_FLIGHT / MULTI_SIZE, (b) => multiCreate(batches[b]!, data)),
  );
  return { ms, cpuMs, requests: batches.length, items: count, bytes: 0 };
}

/** `count` is the number of creates on the create line; the read lines read whatever `parent` holds. */
export function runLine(client: ZkBenchClient, line: LineName, parent: string, count: number): Promise<Work> {
  switch (line) {
    case 'list':
      return list(client, parent);
    case 'stats':
      return stats(client, parent);
    case 'values':
      return values(client, parent);
    case 'creates':
      return creates(client, parent, count);
  }
}
