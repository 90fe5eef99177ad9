import { AppError } from '../../../../shared/errors.js';
import { assertZnodePath } from './zookeeper.paths.js';

export interface ParsedEndpoints {
  /** What the library gets: `h1:2181,h2:2181/chroot`. */
  connectString: string;
  hosts: Array<{ host: string; port: number }>;
  /** `/app`, or null without a chroot. */
  chroot: string | null;
  /** `h1:2181,h2:2181` for messages. */
  label: string;
}

const HOST = /^[A-Za-z0-9._-]+$/;

function parseHostPort(endpoint: string): { host: string; port: number } {
  const fail = (why: string): never => {
    throw new AppError(
      'INVALID_INPUT',
      `The ZooKeeper endpoint ${JSON.stringify(endpoint)} is not valid: ${why}.`,
    );
  };
  const colon = endpoint.lastIndexOf(':');
  if (colon <= 0) fail('write it as host:port, for example zk1.example.com:2181');
  const host = endpoint.slice(0, colon);
  const portText = endpoint.slice(colon + 1);
  if (!HOST.test(host)) fail('the host name may only hold letters, digits, dots, dashes and underscores');
  if (!/^\d{1,5}$/.test(portText)) fail('the port must be a number');
  const port = Number(portText);
  if (port < 1 || port > 65535) fail('the port must be between 1 and 65535');
  return { host, port };
}

/**
 * Validates the endpoints of a profile and builds the connect string. Entries may themselves hold
 * comma-separated lists; only the last one may carry a chroot (`h1:2181,h2:2181/app`).
 */
export function parseEndpoints(endpoints: readonly string[]): ParsedEndpoints {
  const parts = endpoints.flatMap((entry) => entry.split(',')).map((part) => part.trim());
  if (parts.length === 0 || parts.every((part) => part === '')) {
    throw new AppError('INVALID_INPUT', 'A ZooKeeper connection needs at least one host:port endpoint.');
  }
  let chroot: string | null = null;
  const hosts = parts.map((part, index) => {
    const slash = part.indexOf('/');
    if (slash === -1) return parseHostPort(part);
    if (index !== parts.length - 1) {
      throw new AppError(
        'INVALID_INPUT',
        `Only the last ZooKeeper endpoint may carry a chroot path (${part}).`,
      );
    }
    const path = part.slice(slash);
    if (path !== '/') {
      assertZnodePath(path);
      chroot = path;
    }
    return parseHostPort(part.slice(0, slash));
  });
  const label = hosts.map(({ host, port }) => `${host}:${port}`).join(',');
  return { connectString: label + (chroot ?? ''), hosts, chroot, label };
}
