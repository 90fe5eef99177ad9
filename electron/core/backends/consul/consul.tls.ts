import { readFile } from 'node:fs/promises';
import type { AgentOptions } from 'node:https';
import { AppError } from '../../../../shared/errors.js';
import type { TlsFiles } from '../../../../shared/model/connection.js';

async function readTlsFile(path: string | undefined, what: string): Promise<Buffer | undefined> {
  if (path === undefined) return undefined;
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new AppError('INVALID_INPUT', `The TLS ${what} file ${path} ${reason}.`);
  }
}

/** True when the profile asks for TLS (any file, or an explicit choice to skip verification). */
export function tlsConfigured(tls: TlsFiles | null | undefined): boolean {
  return (
    !!tls &&
    (tls.caFile !== undefined ||
      tls.certFile !== undefined ||
      tls.keyFile !== undefined ||
      tls.insecureSkipVerify === true)
  );
}

/**
 * The https agent options of a profile: CA (else the system roots), client certificate and key,
 * and certificate verification, which is skipped only when the profile says so explicitly.
 */
export async function tlsAgentOptions(tls: TlsFiles | null | undefined): Promise<AgentOptions> {
  if (!tls) return { rejectUnauthorized: true };
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) {
    throw new AppError(
      'INVALID_INPUT',
      'A TLS client certificate needs both a certificate file and a key file.',
    );
  }
  const [ca, cert, key] = await Promise.all([
    readTlsFile(tls.caFile, 'CA'),
    readTlsFile(tls.certFile, 'certificate'),
    readTlsFile(tls.keyFile, 'key'),
  ]);
  return {
    ...(ca ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    rejectUnauthorized: tls.insecureSkipVerify !== true,
  };
}
