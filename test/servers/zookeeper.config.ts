import { join } from 'node:path';

/** The zoo.cfg lines every test server shares: a server with data under `<dir>/data`, on a loopback port. */
export function baseConfigLines(dir: string, clientPort: number): string[] {
  return [
    // Short ticks: quick starts, quick elections, session timeouts from 1 s.
    'tickTime=500',
    `dataDir=${join(dir, 'data')}`,
    `clientPort=${clientPort}`,
    'clientPortAddress=127.0.0.1',
    'admin.enableServer=false',
    '4lw.commands.whitelist=*',
    'minSessionTimeout=1000',
    'maxSessionTimeout=600000',
    'maxClientCnxns=0',
    // Tests write thousands of nodes on a two-core machine: no fsync, small log pre-allocation.
    'forceSync=no',
    'preAllocSize=4096',
    'snapCount=100000',
  ];
}

/** The quorum and leader-election ports of one ensemble member. */
export interface QuorumPorts {
  quorumPort: number;
  electionPort: number;
}

/**
 * The ensemble lines: `server.N=127.0.0.1:quorum:election` for each member (ids from 1), all on loopback.
 * Limits in ticks of 500 ms: followers have 5 s to sync with a new leader, 2.5 s to answer it. With
 * `clientPorts`, a dynamic configuration: reconfig on, and each line names its member's client address
 * (`…:participant;127.0.0.1:2181`), as `/zookeeper/config` then shows it.
 */
export function quorumConfigLines(
  members: readonly QuorumPorts[],
  clientPorts?: readonly number[],
): string[] {
  const client = (i: number): string =>
    clientPorts === undefined ? '' : `:participant;127.0.0.1:${clientPorts[i] ?? 0}`;
  return [
    'initLimit=10',
    'syncLimit=5',
    ...(clientPorts === undefined ? [] : ['reconfigEnabled=true']),
    ...members.map((m, i) => `server.${i + 1}=127.0.0.1:${m.quorumPort}:${m.electionPort}${client(i)}`),
  ];
}

/** zoo.cfg text from its lines. */
export function zooCfgText(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}
