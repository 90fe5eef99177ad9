import { connect, createServer, type Socket } from 'node:net';

/** One client→server frame the proxy saw: its opcode (null for the ConnectRequest) and its length. */
export interface SeenFrame {
  opcode: number | null;
  bytes: number;
}

export interface FrameProxy {
  port: number;
  /** Every frame clients sent through the proxy, in order. */
  frames: SeenFrame[];
  /** Connections accepted so far (one per client connect attempt). */
  connections(): number;
  /** Drops every connection and stops listening: the server is unreachable through the proxy. */
  pause(): Promise<void>;
  /** Listens again on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy to a ZooKeeper port that reads the length-prefixed frames clients send and
 * records each one's opcode, so a test can see what went over the wire (how many SetWatches requests,
 * how large) without trusting the client's own account. Server→client bytes pass through untouched.
 */
export async function startFrameProxy(targetPort: number): Promise<FrameProxy> {
  const frames: SeenFrame[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((downstream) => {
    accepted++;
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(downstream).add(upstream);
    let pending = Buffer.alloc(0);
    let first = true;
    downstream.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const length = pending.readInt32BE(0);
        if (pending.length < 4 + length) break;
        frames.push({ opcode: first ? null : pending.readInt32BE(8), bytes: length });
        first = false;
        pending = pending.subarray(4 + length);
      }
    });
    upstream.on('data', (chunk: Buffer) => downstream.write(chunk));
    const end = (): void => {
      downstream.destroy();
      upstream.destroy();
      sockets.delete(downstream);
      sockets.delete(upstream);
    };
    for (const socket of [downstream, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  const port = address.port;
  const pause = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    frames,
    connections: () => accepted,
    pause,
    resume: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    close: pause,
  };
}
