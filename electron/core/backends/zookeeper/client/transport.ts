import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions } from 'node:tls';
import { socketFailure } from './socket-errors.js';

/** TLS settings of a connection: Node's own options (ca, cert, key, servername, rejectUnauthorized). */
export type ZkTlsOptions = Pick<
  ConnectionOptions,
  'ca' | 'cert' | 'key' | 'passphrase' | 'servername' | 'rejectUnauthorized' | 'checkServerIdentity'
>;

export interface HostPort {
  host: string;
  port: number;
}

/** A connect attempt that timed out or was closed before it was established, in words an operator reads. */
export class ZkConnectError extends Error {
  constructor(
    message: string,
    readonly host: HostPort,
  ) {
    super(message);
    this.name = 'ZkConnectError';
  }
}

/**
 * Opens one TCP or TLS connection; resolves once it can carry bytes (after the TLS handshake), rejects
 * with ZkConnectError after `timeoutMs`, ZkTlsError or ZkSocketError when the socket fails. The socket is destroyed on failure.
 */
export function openTransport(
  target: HostPort,
  tls: ZkTlsOptions | null,
  timeoutMs: number,
): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const label = `${target.host}:${target.port}`;
    const socket: Socket =
      tls === null
        ? connectTcp({ host: target.host, port: target.port })
        : connectTls({
            host: target.host,
            port: target.port,
            ...tls,
            servername: tls.servername ?? serverName(target.host),
          });
    const timer = setTimeout(
      () => fail(new ZkConnectError(`${label} did not accept a connection within ${timeoutMs} ms`, target)),
      timeoutMs,
    );
    const onError = (error: NodeJS.ErrnoException): void => fail(socketFailure(label, error, tls !== null));
    const onClose = (): void =>
      fail(new ZkConnectError(`${label} closed the connection before it was established`, target));
    function fail(error: Error): void {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('close', onClose);
      socket.destroy();
      reject(error);
    }
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once(tls === null ? 'connect' : 'secureConnect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('close', onClose);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

/** SNI may not be an IP address; for an address the certificate is still checked against it. */
function serverName(host: string): string | undefined {
  return /^[\d.]+$/.test(host) || host.includes(':') ? undefined : host;
}
