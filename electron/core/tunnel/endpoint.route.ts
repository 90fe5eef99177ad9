import { AppError } from '../../../shared/errors.js';
import type { TunnelTarget } from './ssh-tunnel.js';

/** `[scheme://]host:port[/rest]`: the rest is a ZooKeeper chroot or a trailing slash, kept as typed. */
const ENDPOINT = /^(?:(https?):\/\/)?(\[[0-9a-fA-F:.]+\]|[^\s:/[\]@?#]+):(\d{1,5})(\/.*)?$/;

interface RoutedPart {
  scheme: string | null;
  target: TunnelTarget;
  rest: string;
}

function routedPart(part: string, what: string): RoutedPart {
  const match = ENDPOINT.exec(part.trim());
  const port = match ? Number(match[3]) : 0;
  if (!match || port < 1 || port > 65535) {
    // Never let an endpoint the tunnel cannot route go around it, straight to the network.
    throw new AppError(
      'INVALID_INPUT',
      `"${part}" is not host:port, which ${what} through a jump host needs.`,
    );
  }
  return {
    scheme: match[1] ?? null,
    target: { host: match[2]!.replace(/^\[|\]$/g, ''), port },
    rest: match[4] ?? '',
  };
}

/** A profile's endpoints split into what the tunnel forwards, and how to write them onto its ports. */
export interface EndpointRoute {
  /** Distinct `host:port` targets, in the order the endpoints name them. */
  targets: TunnelTarget[];
  /** The hosts the servers really have, for checking their TLS certificates. */
  serverNames: string[];
  /** The endpoints with each target replaced by `127.0.0.1:<its local port>`. */
  endpoints(localPortOf: (target: TunnelTarget) => number): string[];
  /** The AdminServer URL the same way (ZooKeeper), or null without one. */
  adminServerUrl(localPortOf: (target: TunnelTarget) => number): string | null;
}

const targetKey = (target: TunnelTarget): string => `${target.host}:${target.port}`;

/** Routes the endpoints (and the AdminServer URL) of a profile through a tunnel. */
export function routeEndpoints(endpoints: readonly string[], adminServerUrl: string | null): EndpointRoute {
  const parts = endpoints
    .flatMap((entry) => entry.split(','))
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => routedPart(part, 'every endpoint'));
  const admin = adminServerUrl === null ? null : adminPart(adminServerUrl);
  const targets = new Map<string, TunnelTarget>();
  for (const { target } of [...parts, ...(admin ? [admin.part] : [])]) targets.set(targetKey(target), target);
  const write = (part: RoutedPart, localPortOf: (target: TunnelTarget) => number): string =>
    `${part.scheme ? `${part.scheme}://` : ''}127.0.0.1:${localPortOf(part.target)}${part.rest}`;
  return {
    targets: [...targets.values()],
    serverNames: [...new Set(parts.map((part) => part.target.host))],
    endpoints: (localPortOf) => parts.map((part) => write(part, localPortOf)),
    adminServerUrl: (localPortOf) => (admin ? write(admin.part, localPortOf) + admin.path : null),
  };
}

/** `http(s)://host:port/path`: routed like an endpoint, its path kept. */
function adminPart(url: string): { part: RoutedPart; path: string } {
  const match = /^(https?:\/\/[^/]+)(\/.*)?$/.exec(url.trim());
  const part = routedPart(match?.[1] ?? url, 'the AdminServer URL');
  return { part, path: match?.[2] ?? '' };
}
