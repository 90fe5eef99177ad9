// One line of the ZooKeeper client bench for one client, in a process of its own (started by
// zookeeper.clients.ts), so that the peak RSS it reports is that line's and that client's alone.
import { peakRssMb } from './measure.js';
import { runLine, type LineFigures, type LineName } from './zookeeper.clients.lines.js';
import { createBenchClient } from './zk-clients/clients.js';
import type { ClientName } from './zk-clients/zk-bench-client.js';

const [name, line, connectString, parent, count] = process.argv.slice(2) as [
  ClientName,
  LineName,
  string,
  string,
  string,
];
const client = createBenchClient(name);
await client.connect(connectString);
const work = await runLine(client, line, parent, Number(count));
// Taken before close: closing is not part of the line, and cannot lower a peak anyway.
const figures: LineFigures = { ...work, peakRssMb: peakRssMb() };
await client.close();
process.stdout.write(`${JSON.stringify(figures)}\n`);
