import { connect } from 'node:net';

/** What `srvr` reports as `Mode:`; null when the server does not answer or does not serve (no quorum). */
export type ZooKeeperMode = 'standalone' | 'leader' | 'follower' | 'observer';

/** One client connection as `cons` lists it; `sessionId` is null before the session is established. */
export interface ZooKeeperConnection {
  /** The client's address as the server sees it, `127.0.0.1:54321`. */
  remoteAddress: string;
  remotePort: number;
  sessionId: bigint | null;
}

const MODES: readonly string[] = ['standalone', 'leader', 'follower', 'observer'];

/** Sends a four-letter word and resolves with the whole answer ('' when the server is not there). */
export function fourLetterWord(port: number, word: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('connect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

/** The `Mode:` line of a `srvr` answer; a server without quorum answers "not currently serving" instead. */
export function modeOf(srvrAnswer: string): ZooKeeperMode | null {
  const mode = /^Mode: (\w+)$/m.exec(srvrAnswer)?.[1];
  return mode !== undefined && MODES.includes(mode) ? (mode as ZooKeeperMode) : null;
}

/**
 * Parses a `cons` answer. Each line reads ` /127.0.0.1:54321[1](queued=0,recved=3,sent=3,sid=0x1000…,…)`;
 * the connection that asks has no `sid` yet.
 */
export function connectionsOf(consAnswer: string): ZooKeeperConnection[] {
  const connections: ZooKeeperConnection[] = [];
  for (const line of consAnswer.split('\n')) {
    const match = /^\s*\/?([^[\s]+):(\d+)\[\d+\]\((.*)\)\s*$/.exec(line);
    if (match === null) continue;
    const [, host = '', port = '0', fields = ''] = match;
    const sid = /(?:^|,)sid=0x([0-9a-f]+)(?:,|$)/i.exec(fields)?.[1];
    connections.push({
      remoteAddress: `${host}:${port}`,
      remotePort: Number(port),
      sessionId: sid === undefined ? null : BigInt(`0x${sid}`),
    });
  }
  return connections;
}

/** A session id as a number, from a bigint or hex text with or without `0x` and leading zeros. */
export function sessionIdOf(id: bigint | string): bigint {
  if (typeof id === 'bigint') return id;
  const hex = id.trim().replace(/^0x/i, '');
  if (!/^[0-9a-f]+$/i.test(hex)) throw new Error(`not a hexadecimal session id: ${id}`);
  return BigInt(`0x${hex}`);
}

/** The server's mode from `srvr`, or null when it is down or not serving. */
export async function serverMode(port: number, timeoutMs = 1000): Promise<ZooKeeperMode | null> {
  return modeOf(await fourLetterWord(port, 'srvr', timeoutMs));
}

/** The client connections the server on `port` holds (`cons`); [] when it is down. */
export async function serverConnections(port: number, timeoutMs = 1000): Promise<ZooKeeperConnection[]> {
  return connectionsOf(await fourLetterWord(port, 'cons', timeoutMs));
}
