import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireCommand } from './prerequisites.js';

const OPENSSL = '/usr/bin/openssl';
/** EC P-256 keys: generated in milliseconds, where RSA would cost a second per key on a busy machine. */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const VALID_DAYS = '2';

/** A throw-away certificate authority: its PEM certificate and key, in the directory it issues into. */
export interface CertificateAuthority {
  dir: string;
  certFile: string;
  keyFile: string;
}

/** A PEM certificate and its unencrypted PEM key. */
export interface IssuedCertificate {
  certFile: string;
  keyFile: string;
}

/** `server` certificates are valid for 127.0.0.1 and localhost (and may act as clients, for peers). */
export type CertificateUse = 'server' | 'client';

/** PEM files for a TLS test server: a throw-away CA, a server certificate for 127.0.0.1, a client certificate. */
export interface TestCertificates {
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
}

const EXTENSIONS: Record<CertificateUse, string> = {
  server: 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n',
  client: 'extendedKeyUsage=clientAuth\n',
};

/** Runs openssl, quoting its stderr in the error when it fails. */
export function openssl(args: string[]): void {
  requireCommand(OPENSSL, 'openssl');
  execFileSync(OPENSSL, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates a self-signed CA (CN=configdeck-test-<name>) as `<name>.pem` and `<name>.key` in `dir`. */
export function createCertificateAuthority(dir: string, name: string): CertificateAuthority {
  const ca = { dir, certFile: join(dir, `${name}.pem`), keyFile: join(dir, `${name}.key`) };
  const subject = `/CN=configdeck-test-${name}`;
  openssl([
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    ca.keyFile,
    '-out',
    ca.certFile,
    '-days',
    VALID_DAYS,
    '-subj',
    subject,
  ]);
  return ca;
}

/** Issues `<name>.pem` and `<name>.key` (CN=name), signed by `ca`, into the CA's directory. */
export function issueCertificate(
  ca: CertificateAuthority,
  name: string,
  use: CertificateUse,
): IssuedCertificate {
  const issued = { certFile: join(ca.dir, `${name}.pem`), keyFile: join(ca.dir, `${name}.key`) };
  const csr = join(ca.dir, `${name}.csr`);
  const ext = join(ca.dir, `${name}.ext`);
  writeFileSync(ext, EXTENSIONS[use]);
  openssl(['req', '-new', ...EC_KEY, '-keyout', issued.keyFile, '-out', csr, '-subj', `/CN=${name}`]);
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-CAcreateserial',
    '-out',
    issued.certFile,
    '-days',
    VALID_DAYS,
    '-extfile',
    ext,
  ]);
  return issued;
}

/** Creates a CA, a server certificate and a client certificate in `dir` (ca.pem, server.pem, client.pem…). */
export function createTestCertificates(dir: string): TestCertificates {
  const ca = createCertificateAuthority(dir, 'ca');
  const server = issueCertificate(ca, 'server', 'server');
  const client = issueCertificate(ca, 'client', 'client');
  return {
    caFile: ca.certFile,
    serverCertFile: server.certFile,
    serverKeyFile: server.keyFile,
    clientCertFile: client.certFile,
    clientKeyFile: client.keyFile,
  };
}
