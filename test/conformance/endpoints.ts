import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { ResolvedProfile } from '../../electron/core/backends/backend.js';
import { freePort } from '../servers/free-port.js';
import type { ConnectFailure } from './harness.js';

/** A loopback listener that accepts connections and never answers: a server that hangs. */
export async function silentEndpoint(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The connect failures of a network store: a silent listener, and a loopback port nothing listens on. */
export function networkFailures(
  profile: (endpoint: string) => ResolvedProfile,
  codes: { unreachable: ConnectFailure['code']; refused: ConnectFailure['code'] } = {
    unreachable: 'UNREACHABLE',
    refused: 'UNREACHABLE',
  },
): { unreachable: ConnectFailure; refused: ConnectFailure } {
  return {
    unreachable: {
      what: 'accepts the connection and never answers',
      code: codes.unreachable,
      open: async () => {
        const silent = await silentEndpoint();
        return { profile: profile(silent.endpoint), close: silent.close };
      },
    },
    refused: {
      what: 'refuses the connection (nothing listens)',
      code: codes.refused,
      open: async () => ({ profile: profile(`127.0.0.1:${await freePort()}`), close: async () => undefined }),
    },
  };
}
