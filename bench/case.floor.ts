// The floor: the same listing done by a bare loop of the underlying client, no ConfigDeck code at all.
import { Etcd3 } from 'etcd3';
import { FIRST_PAGE_ROUNDS, medianMs, PAGE_SIZE, peakRssMb, timed, type CaseResult } from './measure.js';
import { pipelined } from './seed.js';
import { NodeZookeeperClientAdapter } from './zk-clients/node-zookeeper-client.adapter.js';

const [kind, endpoint, parent] = process.argv.slice(2) as [string, string, string];

/** The median time of the first page's request(s), reissued FIRST_PAGE_ROUNDS times. */
function firstPage(work: () => Promise<unknown>): Promise<number> {
  return medianMs(FIRST_PAGE_ROUNDS, async () => (await timed(work)).ms);
}

/** node-zookeeper-client, loaded from the bench floors cache. */
async function zookeeperFloor(): Promise<CaseResult> {
  const client = new NodeZookeeperClientAdapter();
  await client.connect(endpoint);
  const children = (): Promise<string[]> => client.children(parent);
  const stat = (name: string): Promise<void> => client.exists(`${parent}/${name}`);
  // The same information the tree shows: names, sorted, and each shown child's stat (child count, size).
  const first = await firstPage(async () => {
    const names = (await children()).sort();
    const page = names.slice(0, PAGE_SIZE);
    await pipelined(page.length, 256, (i) => stat(page[i]!));
  });
  const all = await timed(async () => {
    const names = (await children()).sort();
    await pipelined(names.length, 256, (i) => stat(names[i]!));
    return names.length;
  });
  await client.close();
  return { firstPageMs: first, listAllMs: all.ms, children: all.value, peakRssMb: peakRssMb() };
}

async function etcdFloor(): Promise<CaseResult> {
  const client = new Etcd3({ hosts: `http://${endpoint}` });
  const prefix = `${parent}/`;
  const page = (from: string) =>
    client.kv.range({
      key: Buffer.from(from),
      range_end: Buffer.from(
        prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1),
      ),
      limit: PAGE_SIZE,
      keys_only: true,
    });
  // Open the gRPC channel outside the timing, as the contract's connections.open does before its first page.
  await client.get('warm-up').string();
  const first = await firstPage(() => page(prefix));
  const all = await timed(async () => {
    let from = prefix;
    let count = 0;
    for (;;) {
      const res = await page(from);
      count += res.kvs.length;
      const last = res.kvs.at(-1);
      if (!res.more || !last) return count;
      from = Buffer.concat([last.key, Buffer.from([0])]).toString();
    }
  });
  client.close();
  return { firstPageMs: first, listAllMs: all.ms, children: all.value, peakRssMb: peakRssMb() };
}

/** Consul has no paging: one `?keys&separator=/` request returns the whole level; the first page is a slice of it. */
async function consulFloor(): Promise<CaseResult> {
  const prefix = `${parent.replace(/^\//, '')}/`;
  const level = async (): Promise<string[]> => {
    const res = await fetch(`http://${endpoint}/v1/kv/${prefix}?keys&separator=/`);
    return (await res.json()) as string[];
  };
  await fetch(`http://${endpoint}/v1/status/leader`); // open the keep-alive connection outside the timing
  const first = await firstPage(async () => (await level()).sort().slice(0, PAGE_SIZE));
  const all = await timed(async () => (await level()).length);
  return { firstPageMs: first, listAllMs: all.ms, children: all.value, peakRssMb: peakRssMb() };
}

/** Nacos: the config search API pages through one group (what a bare client does to list it). */
async function nacosFloor(): Promise<CaseResult> {
  const group = parent.split('/')[2] ?? '';
  const page = async (pageNo: number): Promise<{ totalCount: number; pageItems: unknown[] }> => {
    const query = new URLSearchParams({
      search: 'accurate',
      dataId: '',
      group,
      tenant: '',
      pageNo: String(pageNo),
      pageSize: String(PAGE_SIZE),
    });
    const res = await fetch(`http://${endpoint}/nacos/v1/cs/configs?${query}`);
    return (await res.json()) as { totalCount: number; pageItems: unknown[] };
  };
  await fetch(`http://${endpoint}/nacos/v1/cs/configs?dataId=warm-up&group=warm-up`); // connect outside the timing
  const first = await firstPage(() => page(1));
  const all = await timed(async () => {
    let count = 0;
    for (let pageNo = 1; ; pageNo++) {
      const items = (await page(pageNo)).pageItems;
      count += items.length;
      if (items.length < PAGE_SIZE) return count;
    }
  });
  return { firstPageMs: first, listAllMs: all.ms, children: all.value, peakRssMb: peakRssMb() };
}

const floors: Record<string, () => Promise<CaseResult>> = {
  nacos: nacosFloor,
  zookeeper: zookeeperFloor,
  etcd: etcdFloor,
  consul: consulFloor,
};
const floor = floors[kind];
if (!floor) throw new Error(`no floor for ${kind}`);
const result = await floor();
process.stdout.write(JSON.stringify(result) + '\n');
