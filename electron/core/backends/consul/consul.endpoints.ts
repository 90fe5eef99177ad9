import { AppError } from '../../../../shared/errors.js';
import { parseHostPort } from '../kit/endpoint.address.js';

/** One Consul agent address, as the HTTP layer calls it. */
export interface ConsulEndpoint {
  secure: boolean;
  /** `host:port` (IPv6 in brackets), shown in messages. */
  hostPort: string;
  /** Host name for the socket (brackets removed). */
  host: string;
  port: number;
}

/** Parses `host:port` or `http(s)://host:port` (IPv6 in brackets); INVALID_INPUT otherwise. */
export function parseEndpoint(endpoint: string): ConsulEndpoint {
  const expected = 'expected host:port or http(s)://host:port, e.g. 127.0.0.1:8500';
  const address = parseHostPort(endpoint, `"${endpoint}" is not a Consul endpoint: ${expected}.`);
  const { scheme, hostPort, host, port } = address;
  return { secure: scheme === 'https', hostPort, host: host.replace(/^\[|\]$/g, ''), port };
}

/**
 * The endpoints of a profile. TLS files in the profile make every endpoint https (a CA or client
 * certificate only makes sense over TLS); otherwise each endpoint keeps its own scheme.
 */
export function parseEndpoints(endpoints: string[], tlsConfigured: boolean): ConsulEndpoint[] {
  const parsed = endpoints.map(parseEndpoint);
  if (parsed.length === 0)
    throw new AppError('INVALID_INPUT', 'A Consul connection needs at least one endpoint.');
  return tlsConfigured ? parsed.map((e) => ({ ...e, secure: true })) : parsed;
}
