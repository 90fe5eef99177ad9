import { readFile } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import type { Client, ConnectConfig } from 'ssh2';
import { AppError } from '../../../shared/errors.js';
import type { SshHop, SshHopName } from '../../../shared/model/ssh.js';
import type { SshHopSecrets } from '../connections/ssh.secrets.js';
import { hostKeyRefusal } from './host-key.check.js';
import { presentedHostKey } from './host-key.js';
import { readKnownHostKeys } from './known-hosts.js';

/** One hop to open: where, who, how to authenticate, and what its host key must be. */
export interface HopSpec {
  name: SshHopName;
  hop: SshHop;
  secrets: SshHopSecrets;
  /** The known_hosts file to honour (`~/.ssh/known_hosts`). */
  knownHostsFile: string;
  /** `SSH_AUTH_SOCK`, when the environment has an agent. */
  agentSocket: string | null;
  timeoutMs: number;
}

/** `ops@bastion:22`, for the status bar and messages. */
export const hopLabel = (hop: SshHop): string => `${hop.username}@${hop.host}:${hop.port}`;

async function privateKey(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new AppError('INVALID_INPUT', `The SSH private key file ${file} ${reason}.`);
  }
}

/** ssh2's options for a hop: the key file (with its passphrase), the agent, the password, in that order. */
async function authOptions(spec: HopSpec): Promise<Partial<ConnectConfig>> {
  const { hop, secrets } = spec;
  const options: Partial<ConnectConfig> = {};
  if (hop.privateKeyFile !== null) {
    options.privateKey = await privateKey(hop.privateKeyFile);
    if (secrets.passphrase !== null) options.passphrase = secrets.passphrase;
  }
  const wantsAgent = hop.agent || (hop.privateKeyFile === null && secrets.password === null);
  if (wantsAgent) {
    if (spec.agentSocket === null && hop.agent) {
      throw new AppError('INVALID_INPUT', 'The SSH agent was chosen but SSH_AUTH_SOCK is not set.');
    }
    if (spec.agentSocket !== null) options.agent = spec.agentSocket;
  }
  if (secrets.password !== null) options.password = secrets.password;
  if (options.privateKey === undefined && options.agent === undefined && options.password === undefined) {
    throw new AppError(
      'INVALID_INPUT',
      `The jump host ${hopLabel(hop)} needs a private key file, the SSH agent or a password.`,
    );
  }
  return options;
}

/** ssh2's failure as the one sentence (and code) an operator reads. */
function hopFailure(spec: HopSpec, error: Error & { level?: string; code?: string }): AppError {
  const host = hopLabel(spec.hop);
  const message = error.message.replace(/\.$/, '');
  if (error.level === 'client-authentication')
    return new AppError('AUTH_FAILED', `The SSH host ${host} refused the key, agent or password given.`);
  if (/passphrase|Cannot parse privateKey|Encrypted private/i.test(message))
    return new AppError('AUTH_FAILED', `The private key for ${host} could not be opened: ${message}.`);
  if (error.level === 'client-timeout' || /Timed out/i.test(message))
    return new AppError(
      'TIMEOUT',
      `The SSH host ${host} did not complete its handshake in ${spec.timeoutMs} ms.`,
    );
  if (error.code === 'ECONNREFUSED' || error.code === 'EHOSTUNREACH' || error.code === 'ENOTFOUND')
    return new AppError('UNREACHABLE', `The SSH host ${host} cannot be reached (${error.code}).`);
  return new AppError('UNREACHABLE', `The SSH connection to ${host} failed: ${message}.`);
}

/**
 * Opens one SSH connection (over `through`, a stream forwarded by the previous hop, when given); resolves
 * once authenticated. The host key is checked before any credential is sent: a refusal rejects with
 * HOST_KEY_UNKNOWN or HOST_KEY_CHANGED and its details, never accepted silently.
 */
export async function openHop(spec: HopSpec, through: Duplex | null): Promise<Client> {
  // ssh2 (and its crypto) is loaded only when a jump host is used, not by every start of the core.
  const [auth, known, ssh2] = await Promise.all([
    authOptions(spec),
    readKnownHostKeys(spec.knownHostsFile, spec.hop.host, spec.hop.port),
    import('ssh2'),
  ]);
  const trust = {
    hop: spec.name,
    host: spec.hop.host,
    port: spec.hop.port,
    trusted: spec.hop.hostKeySha256,
    known,
  };
  return new Promise<Client>((resolve, reject) => {
    const client = new ssh2.Client();
    let refusal: AppError | null = null;
    let settled = false;
    const settle = (error: AppError | null): void => {
      if (settled) return;
      settled = true;
      if (error) {
        client.end();
        reject(error);
      } else resolve(client);
    };
    client.once('ready', () => settle(null));
    client.on('error', (error: Error & { level?: string; code?: string }) =>
      settle(refusal ?? hopFailure(spec, error)),
    );
    client.once('close', () =>
      settle(
        refusal ?? new AppError('UNREACHABLE', `The SSH host ${hopLabel(spec.hop)} closed the connection.`),
      ),
    );
    client.connect({
      ...(through ? { sock: through } : { host: spec.hop.host, port: spec.hop.port }),
      username: spec.hop.username,
      ...auth,
      readyTimeout: spec.timeoutMs,
      keepaliveInterval: 5000,
      keepaliveCountMax: 3,
      hostVerifier: (blob: Buffer) => {
        refusal = hostKeyRefusal(trust, presentedHostKey(blob));
        return refusal === null;
      },
    });
  });
}

/** A TCP stream from `client` to `host:port` as the hop sees them. */
export function forwardThrough(client: Client, host: string, port: number): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, host, port, (error, stream) => {
      if (error)
        reject(
          new AppError('UNREACHABLE', `The jump host could not reach ${host}:${port}: ${error.message}.`),
        );
      else resolve(stream);
    });
  });
}
