import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { requireZooKeeper } from './zookeeper.process.js';

/** ZooKeeper's own command-line client from Debian's zookeeper package. */
export const ZK_CLI = '/usr/share/zookeeper/bin/zkCli.sh';
const TCP_ESTABLISHED = '01';

/** A running `zkCli.sh`: an independent ZooKeeper client (its own JVM and session) fed commands on stdin. */
export interface ZkCli {
  /** Sends one command line (`get -w /a`, `create -e /a x`). */
  send(command: string): void;
  /** Waits until the client's output holds `text` (after the given offset); throws after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs: number, from?: number): Promise<void>;
  /** Characters of output so far: an offset for waitFor. */
  outputLength(): number;
  /** The client's own address of its connection to one of `serverPorts`, `127.0.0.1:54321`, from /proc. */
  clientAddress(serverPorts: readonly number[]): string | null;
  /** SIGKILL to the client (its session expires on the server after its timeout). */
  kill(): Promise<void>;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1] !== undefined) inodes.add(match[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return inodes;
}

/** The pid and its descendants (zkCli.sh runs java as a child). */
function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    const path = `/proc/${all[i]}/task/${all[i]}/children`;
    if (!existsSync(path)) continue;
    const children = readFileSync(path, 'utf8').trim();
    if (children !== '') all.push(...children.split(/\s+/).map(Number));
  }
  return all;
}

/** `0100007F:D431` → `127.0.0.1:54321`. */
function decode(hex: string): { address: string; port: number } {
  const [host = '', port = '0'] = hex.split(':');
  const address = (host.match(/../g) ?? [])
    .reverse()
    .map((byte) => parseInt(byte, 16))
    .join('.');
  return { address, port: parseInt(port, 16) };
}

function establishedTo(pid: number, serverPorts: readonly number[]): string | null {
  const inodes = new Set(processTree(pid).flatMap((p) => [...socketInodes(p)]));
  for (const line of readFileSync('/proc/net/tcp', 'utf8').trim().split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const [local = '', remote = '', state = '', inode = ''] = [fields[1], fields[2], fields[3], fields[9]];
    if (state !== TCP_ESTABLISHED || !inodes.has(inode)) continue;
    if (!serverPorts.includes(decode(remote).port)) continue;
    const own = decode(local);
    return `${own.address}:${own.port}`;
  }
  return null;
}

/**
 * Starts `zkCli.sh -server <connectString>` and resolves once its session is connected (it prints
 * `SyncConnected`). The JVM runs IPv4-only so that its address matches what `cons` shows.
 */
export async function startZkCli(connectString: string, timeoutMs = 20_000): Promise<ZkCli> {
  requireZooKeeper();
  const child: ChildProcess = spawn(ZK_CLI, ['-server', connectString], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    env: {
      ...process.env,
      CLIENT_JVMFLAGS: '-Djava.net.preferIPv4Stack=true -Xmx48m -XX:TieredStopAtLevel=1',
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${ZK_CLI} did not start`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cli: ZkCli = {
    send: (command) => child.stdin?.write(`${command}\n`),
    outputLength: () => output.length,
    waitFor: async (text, waitMs, from = 0) => {
      const deadline = Date.now() + waitMs;
      const holds = (): boolean => {
        const tail = output.slice(from);
        return typeof text === 'string' ? tail.includes(text) : text.test(tail);
      };
      while (!holds()) {
        if (child.exitCode !== null) throw new Error(`zkCli.sh exited:\n${output.slice(-2000)}`);
        if (Date.now() > deadline)
          throw new Error(`zkCli.sh did not print ${String(text)}:\n${output.slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    clientAddress: (ports) => establishedTo(pid, ports),
    kill: async () => {
      if (child.exitCode !== null) return;
      process.kill(-pid, 'SIGKILL');
      await exited;
    },
  };
  try {
    await cli.waitFor('SyncConnected', timeoutMs);
  } catch (error) {
    await cli.kill();
    throw error;
  }
  return cli;
}
