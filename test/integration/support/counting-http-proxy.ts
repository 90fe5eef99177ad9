import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that went through the proxy. */
export interface SeenRequest {
  method: string;
  /** The path without the query, e.g. `/nacos/v1/cs/configs`. */
  path: string;
  query: URLSearchParams;
}

export interface CountingHttpProxy {
  /** `127.0.0.1:PORT`: the proxy as a connection profile lists it. */
  endpoint: string;
  /** Every request forwarded so far, in arrival order. */
  readonly seen: SeenRequest[];
  /** Forgets what was seen (before the step a test counts). */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a real server that records each request it forwards, so a test can
 * count what a client really sent (which requests, how many) without replacing the server or the client.
 */
export async function startCountingHttpProxy(targetPort: number): Promise<CountingHttpProxy> {
  const seen: SeenRequest[] = [];
  const server = createServer((downstream, reply) => {
    const url = new URL(downstream.url ?? '/', 'http://proxy');
    seen.push({ method: downstream.method ?? 'GET', path: url.pathname, query: url.searchParams });
    const upstream = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: downstream.method,
        path: downstream.url,
        headers: downstream.headers,
      },
      (answer) => {
        reply.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(reply);
      },
    );
    upstream.on('error', () => reply.destroy());
    downstream.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    seen,
    reset: () => {
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
