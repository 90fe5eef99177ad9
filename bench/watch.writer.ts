// `tsx bench/watch.writer.ts <zookeeper|etcd> <endpoint> <root> <rate> <seconds>`: the separate process of the
// watch bench. Changes NODES nodes below <root> round-robin at <rate> changes per second for <seconds>,
// each value naming its index, and prints one JSON line: how many were written and when each was sent
// (epoch ms), so that the bench can pair the n-th write with the n-th event of the stream.
import { Etcd3 } from 'etcd3';
import { connectedZkClient } from '../test/integration/support/zk-client.js';

export const WRITER_NODES = 100;

export function writerNodePath(root: string, i: number): string {
  return `${root}/n${String(i % WRITER_NODES).padStart(3, '0')}`;
}

type Put = (path: string, value: Buffer) => Promise<unknown>;

async function openStore(kind: string, endpoint: string): Promise<{ put: Put; close(): Promise<void> }> {
  if (kind === 'etcd') {
    const client = new Etcd3({ hosts: `http://${endpoint}` });
    return { put: (path, value) => client.put(path).value(value).exec(), close: async () => client.close() };
  }
  const client = await connectedZkClient(endpoint);
  return { put: (path, value) => client.setData(path, value, -1), close: () => client.close() };
}

async function main(): Promise<void> {
  const [kind, endpoint, root, rateText, secondsText] = process.argv.slice(2);
  if (!kind || !endpoint || !root)
    throw new Error('usage: watch.writer.ts <kind> <endpoint> <root> <rate> <seconds>');
  const rate = Number(rateText ?? 1000);
  const total = Math.round(rate * Number(secondsText ?? 30));
  const store = await openStore(kind, endpoint);
  const sentAt: number[] = [];
  const inFlight: Array<Promise<unknown>> = [];
  const started = performance.now();
  // A tick every 10 ms sends the writes due by then: a steady rate, not bursts of a second's worth.
  while (sentAt.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (sentAt.length < due) {
      const i = sentAt.length;
      sentAt.push(Date.now());
      inFlight.push(store.put(writerNodePath(root, i), Buffer.from(JSON.stringify({ i, t: Date.now() }))));
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const results = await Promise.allSettled(inFlight);
  const failed = results.filter((result) => result.status === 'rejected').length;
  await store.close();
  const report = { written: total - failed, failed, seconds: (performance.now() - started) / 1000, sentAt };
  // The report is large (a time per write): exit only once the pipe took all of it.
  await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(report)}\n`, () => resolve()));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
