import { AppError } from '../../../../shared/errors.js';

/**
 * `host:port`, optionally after `http://` or `https://` and before one trailing '/'. The host is an IPv6
 * address in brackets or a name without white space and without the characters that delimit the parts
 * of a URL (`:/[]@?#`), so an endpoint can never smuggle a path, a user or a query into a request.
 */
const HOST_PORT = /^(?:(https?):\/\/)?(\[[0-9a-fA-F:.]+\]|[^\s:/[\]@?#]+):(\d{1,5})\/?$/;

/** An endpoint of a store that speaks HTTP or gRPC, as typed in a profile. */
export interface EndpointAddress {
  /** The scheme the endpoint names, or null when it names none. */
  scheme: 'http' | 'https' | null;
  /** The host as typed (IPv6 in brackets). */
  host: string;
  port: number;
  /** `host:port`, for URLs and messages. */
  hostPort: string;
}

/**
 * Parses `host:port` or `http(s)://host:port` (IPv6 in brackets); INVALID_INPUT with the store's own
 * `refusal` (the sentence saying what it expects) when the text is not one.
 */
export function parseHostPort(endpoint: string, refusal: string): EndpointAddress {
  const match = HOST_PORT.exec(endpoint.trim());
  const port = match ? Number(match[3]) : 0;
  if (!match || port < 1 || port > 65535) throw new AppError('INVALID_INPUT', refusal);
  const scheme = match[1] === 'https' || match[1] === 'http' ? match[1] : null;
  const host = match[2]!;
  return { scheme, host, port, hostPort: `${host}:${port}` };
}
