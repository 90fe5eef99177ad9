import { readFile } from 'node:fs/promises';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { AppError } from '../../../../shared/errors.js';
import type { TlsFiles } from '../../../../shared/model/connection.js';

/** The TLS material of a profile, named as Node's TLS options name it (an https Agent takes it as is). */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** False only when the profile chose explicitly to skip verifying the server's certificate. */
  rejectUnauthorized: boolean;
  /** Through a tunnel: SNI with the real server name (when there is one name and it is not an address). */
  servername?: string;
  /** Through a tunnel: the certificate checked against the real server names, not the loopback address. */
  checkServerIdentity?: (host: string, cert: PeerCertificate) => Error | undefined;
}

/**
 * Checks a certificate against the names the endpoints really have (a tunnel's loopback address says
 * nothing about the server): valid when it is valid for one of them, else the first name's error.
 */
function identityAgainst(names: readonly string[]): TlsMaterial['checkServerIdentity'] {
  return (_loopback, cert) => {
    let first: Error | undefined;
    for (const name of names) {
      const error = checkServerIdentity(name, cert);
      if (error === undefined) return undefined;
      first ??= error;
    }
    return first;
  };
}

/** The TLS identity options for endpoints reached through a tunnel; none for direct ones. */
export function tunnelIdentity(
  serverNames: readonly string[] | undefined,
): Pick<TlsMaterial, 'servername' | 'checkServerIdentity'> {
  if (!serverNames || serverNames.length === 0) return {};
  const only = serverNames.length === 1 ? serverNames[0]! : null;
  const sni = only !== null && !/^[\d.]+$/.test(only) && !only.includes(':') ? { servername: only } : {};
  return { ...sni, checkServerIdentity: identityAgainst(serverNames) };
}

/** True when the profile asks for TLS: any file, or the explicit choice to skip verification. */
export function tlsConfigured(tls: TlsFiles | null | undefined): boolean {
  return (
    !!tls &&
    (tls.caFile !== undefined ||
      tls.certFile !== undefined ||
      tls.keyFile !== undefined ||
      tls.insecureSkipVerify === true)
  );
}

async function readTlsFile(path: string | undefined, what: string): Promise<Buffer | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new AppError('INVALID_INPUT', `The TLS ${what} file ${path} ${reason}.`);
  }
}

/**
 * Reads the CA, client certificate and key files of a profile. INVALID_INPUT, in one sentence, for a
 * missing or unreadable file and for a certificate without its key (or a key without its certificate).
 */
export async function loadTlsFiles(
  tls: TlsFiles | null | undefined,
  tunnelServerNames?: readonly string[],
): Promise<TlsMaterial> {
  const files = tls ?? {};
  if ((files.certFile === undefined) !== (files.keyFile === undefined)) {
    throw new AppError(
      'INVALID_INPUT',
      'A TLS client certificate needs both a certificate file and a key file.',
    );
  }
  const [ca, cert, key] = await Promise.all([
    readTlsFile(files.caFile, 'CA'),
    readTlsFile(files.certFile, 'certificate'),
    readTlsFile(files.keyFile, 'key'),
  ]);
  return {
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    rejectUnauthorized: files.insecureSkipVerify !== true,
    ...tunnelIdentity(tunnelServerNames),
  };
}
