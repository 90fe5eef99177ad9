import { createServer, type Server } from 'node:net';

/** Binds a loopback listener on a port the kernel picks. */
function listenOnAnyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a loopback listener'));
        return;
      }
      resolve({ server, port: address.port });
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Asks the kernel for a free loopback port (bind to 0, read it, release it). */
export async function freePort(): Promise<number> {
  const { server, port } = await listenOnAnyPort();
  await close(server);
  return port;
}

/** `count` distinct free loopback ports: all are held until each is known, so none comes back twice. */
export async function freePorts(count: number): Promise<number[]> {
  const listeners: Array<{ server: Server; port: number }> = [];
  try {
    for (let i = 0; i < count; i++) listeners.push(await listenOnAnyPort());
    return listeners.map((l) => l.port);
  } finally {
    await Promise.all(listeners.map((l) => close(l.server)));
  }
}
