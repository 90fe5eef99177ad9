import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serversCacheDir } from './server-binaries.js';

/** The servers `npm run servers -- start` runs. */
export const SERVER_KINDS = ['zookeeper', 'etcd', 'consul', 'nacos'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export interface RunningServer {
  kind: ServerKind;
  host: '127.0.0.1';
  port: number;
  dataDir: string;
  /** The server process (null when it could not be found): `stop` kills it if the supervisor could not. */
  pid: number | null;
}

/** What `start` leaves behind for `stop`: the supervisor that owns the servers, and the servers. */
export interface ServersState {
  supervisorPid: number;
  servers: RunningServer[];
}

/** What the supervisor tells the CLI once, before the CLI detaches. */
export type SupervisorMessage =
  { type: 'ready'; servers: RunningServer[] } | { type: 'failed'; message: string };

/** The one line `start` prints per server: `<kind> <host>:<port>`. */
export function serverLine(server: RunningServer): string {
  return `${server.kind} ${server.host}:${server.port}`;
}

/** `$CONFIGDECK_SERVERS_STATE`, else `<cache>/servers.state.json` (a test points it elsewhere). */
export function stateFilePath(): string {
  return process.env.CONFIGDECK_SERVERS_STATE || join(serversCacheDir(), 'servers.state.json');
}

/** The supervisor's own log (its stdout and stderr), beside the state file. */
export function supervisorLogPath(): string {
  return stateFilePath().replace(/(\.json)?$/, '.log');
}

/** The saved state, or null when none (or an unreadable one) exists. */
export function readState(): ServersState | null {
  try {
    return JSON.parse(readFileSync(stateFilePath(), 'utf8')) as ServersState;
  } catch {
    return null;
  }
}

/** Saves the state. */
export async function writeState(state: ServersState): Promise<void> {
  await writeFile(stateFilePath(), `${JSON.stringify(state, null, 2)}\n`);
}

/** Removes the state file. */
export async function removeState(): Promise<void> {
  await rm(stateFilePath(), { force: true });
}

/** True when a process with this id exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
