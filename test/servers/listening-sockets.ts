import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** A listening TCP socket or a bound UDP socket, from /proc/net. */
interface ProcSocket {
  protocol: 'tcp' | 'tcp6' | 'udp' | 'udp6';
  address: string;
  port: number;
  inode: string;
}

const TCP_LISTEN = '0A';

/** `0100007F:1F90` → `127.0.0.1`, 8080; IPv6 addresses come out as 32 hex digits (`::` → zeros). */
function decodeAddress(hex: string, v6: boolean): { address: string; port: number } {
  const [host = '', port = '0'] = hex.split(':');
  const address = v6
    ? host
    : (host.match(/../g) ?? [])
        .reverse()
        .map((byte) => parseInt(byte, 16))
        .join('.');
  return { address, port: parseInt(port, 16) };
}

function procSockets(): ProcSocket[] {
  const sockets: ProcSocket[] = [];
  for (const protocol of ['tcp', 'tcp6', 'udp', 'udp6'] as const) {
    let table: string;
    try {
      table = readFileSync(`/proc/net/${protocol}`, 'utf8');
    } catch {
      continue; // No IPv6 on this machine.
    }
    for (const line of table.trim().split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local = '', state = '', inode = ''] = [fields[1], fields[3], fields[9]];
      if (protocol.startsWith('tcp') && state !== TCP_LISTEN) continue;
      sockets.push({ protocol, ...decodeAddress(local, protocol.endsWith('6')), inode });
    }
  }
  return sockets;
}

function socketInodesOf(pid: number): Set<string> {
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

function pidOwning(inode: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (socketInodesOf(Number(entry)).has(inode)) return Number(entry);
    } catch {
      // Not ours to read, or gone.
    }
  }
  return null;
}

/**
 * Finds the process listening on TCP `port` and lists every TCP listener and UDP socket it has, as
 * `protocol address:port` (Linux /proc; a test asserts they all sit on 127.0.0.1).
 */
export function socketsOfPortOwner(port: number): { pid: number; sockets: string[] } {
  const all = procSockets();
  const listener = all.find((s) => s.protocol.startsWith('tcp') && s.port === port);
  if (listener === undefined) throw new Error(`nothing listens on TCP port ${port}`);
  const pid = pidOwning(listener.inode);
  if (pid === null) throw new Error(`no readable process owns the listener on port ${port}`);
  const inodes = socketInodesOf(pid);
  const sockets = all.filter((s) => inodes.has(s.inode)).map((s) => `${s.protocol} ${s.address}:${s.port}`);
  return { pid, sockets };
}
