import { readFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors.js';
import type { TlsFiles } from '../../../../shared/model/connection.js';

/** The TLS material of a profile, named as Node's TLS options name it (an https Agent takes it as is). */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** False only when the profile chose explicitly to skip verifying the server's certificate. */
  rejectUnauthorized: boolean;
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
export async function loadTlsFiles(tls: TlsFiles | null | undefined): Promise<TlsMaterial> {
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
  };
}
