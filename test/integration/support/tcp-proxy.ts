import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** `127.0.0.1:PORT`: the proxy as a connection profile lists it. */
  endpoint: string;
  /** Drops every connection at once and refuses new ones (synchronous, so a test can cut at an exact event). */
  cut(): void;
  /** Accepts and forwards connections again. */
  restore(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP proxy to a server port that a test can cut and restore at will: the server keeps running,
 * only the client's connections through the proxy go (a network loss, not a server restart).
 */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = createServer((downstream) => {
    if (refusing) {
      downstream.destroy();
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    sockets.add(downstream).add(upstream);
    downstream.pipe(upstream);
    upstream.pipe(downstream);
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
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const cut = (): void => {
    refusing = true;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    port,
    endpoint: `127.0.0.1:${port}`,
    cut,
    restore: () => {
      refusing = false;
    },
    close: async () => {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
