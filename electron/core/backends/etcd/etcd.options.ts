import { rootCertificates } from 'node:tls';
import type { IOptions } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import type { ResolvedProfile } from '../backend.js';
import { parseHostPort } from '../kit/endpoint.address.js';
import { loadTlsFiles, tlsConfigured } from '../kit/tls.files.js';
import { faultHandling } from './etcd.policy.js';

/** Values up to etcd's own 1.5 MiB request limit and large ranges must fit in one gRPC reply. */
const MAX_RECEIVE_BYTES = 256 * 1024 * 1024;

interface Endpoint {
  secure: boolean;
  hostPort: string;
}

/** Parses `host:port` (optionally `http://` or `https://`, IPv6 in brackets); INVALID_INPUT otherwise. */
export function parseEndpoint(endpoint: string): Endpoint {
  const refusal = `"${endpoint}" is not an etcd endpoint: expected host:port, e.g. 127.0.0.1:2379.`;
  const address = parseHostPort(endpoint, refusal);
  return { secure: address.scheme === 'https', hostPort: address.hostPort };
}

/** etcd3's gRPC credentials of a profile that asks for TLS; undefined when it does not. */
async function credentials(profile: ResolvedProfile): Promise<IOptions['credentials'] | undefined> {
  if (!tlsConfigured(profile.tls)) return undefined;
  const { ca, cert, key } = await loadTlsFiles(profile.tls);
  // Without a CA file the server is checked against the system's trusted roots.
  const rootCertificate = ca ?? Buffer.from(rootCertificates.join('\n'));
  return { rootCertificate, ...(cert ? { certChain: cert } : {}), ...(key ? { privateKey: key } : {}) };
}

/**
 * Through a tunnel, gRPC would check the certificate against the loopback address: it is checked against
 * the real server name instead (the first endpoint's; the members of one cluster share a certificate's names).
 */
function tunnelNameOverride(profile: ResolvedProfile): Record<string, string> {
  const name = profile.tunnelServerNames?.[0];
  return name === undefined ? {} : { 'grpc.ssl_target_name_override': name, 'grpc.default_authority': name };
}

/** Builds the etcd3 client options of a profile: endpoints, TLS files, user/password, deadlines. */
export async function clientOptions(profile: ResolvedProfile): Promise<IOptions> {
  const endpoints = profile.endpoints.map(parseEndpoint);
  if (endpoints.length === 0)
    throw new AppError('INVALID_INPUT', 'An etcd connection needs at least one endpoint.');
  const tls = await credentials(profile);
  const secure = tls !== undefined || endpoints.some((e) => e.secure);
  const timeoutMs = profile.sessionTimeoutMs;
  const options: IOptions = {
    hosts: endpoints.map((e) => `${secure ? 'https' : 'http'}://${e.hostPort}`),
    ...(tls ? { credentials: tls } : {}),
    grpcOptions: {
      'grpc.max_receive_message_length': MAX_RECEIVE_BYTES,
      ...tunnelNameOverride(profile),
    },
    dialTimeout: timeoutMs,
    // Every unary call (the auth token exchange included) carries the session deadline; streams do not.
    defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + timeoutMs }),
    faultHandling: faultHandling(endpoints.length),
  };
  if (profile.auth) {
    if (profile.auth.username.length === 0)
      throw new AppError('INVALID_INPUT', 'etcd authentication needs a user name.');
    options.auth = { username: profile.auth.username, password: profile.password ?? '' };
  }
  return options;
}
