import { AppError } from '../../../../shared/errors.js';
import { parseHostPort } from '../kit/endpoint.address.js';

/** One Nacos server as the HTTP layer addresses it. */
export interface NacosServerAddress {
  /** `http://host:port` or `https://host:port`, without a path. */
  origin: string;
  /** `host:port` for messages. */
  label: string;
  secure: boolean;
}

const DEFAULT_CONTEXT_PATH = '/nacos';

/** Parses `host:port` (optionally `http://` or `https://`, IPv6 in brackets); INVALID_INPUT otherwise. */
export function parseEndpoint(endpoint: string, forceTls: boolean): NacosServerAddress {
  const expected =
    'expected host:port (e.g. 127.0.0.1:8848); set the context path in the profile, not in the endpoint';
  const address = parseHostPort(endpoint, `"${endpoint}" is not a Nacos endpoint: ${expected}.`);
  const secure = forceTls || address.scheme === 'https';
  const label = address.hostPort;
  return { origin: `${secure ? 'https' : 'http'}://${label}`, label, secure };
}

/** Every endpoint of a profile, in the order they are tried. */
export function parseEndpoints(endpoints: readonly string[], forceTls: boolean): NacosServerAddress[] {
  const parts = endpoints.flatMap((entry) => entry.split(',')).map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => part === '')) {
    throw new AppError('INVALID_INPUT', 'A Nacos connection needs host:port endpoints, none of them empty.');
  }
  return parts.map((part) => parseEndpoint(part, forceTls));
}

/** The context path of a profile: `/nacos` by default, no trailing slash (`/` stays as the empty prefix). */
export function normalizeContextPath(contextPath: string | null | undefined): string {
  const path = (contextPath ?? '').trim();
  if (path === '') return DEFAULT_CONTEXT_PATH;
  if (!path.startsWith('/') || /[\s?#]/.test(path)) {
    throw new AppError('INVALID_INPUT', `"${path}" is not a context path: it starts with / (e.g. /nacos).`);
  }
  return path.replace(/\/+$/, '');
}
