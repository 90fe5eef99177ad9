import { execFileSync } from 'node:child_process';
import { requireCommand } from './prerequisites.js';
import { openssl, type IssuedCertificate } from './test-certificates.js';

// keytool comes with every JRE, so it is there wherever ZooKeeper can run.
const KEYTOOL = '/usr/bin/keytool';

/** Writes a PKCS12 key store holding `certificate`'s key with the chain up to `caFile` (alias `name`). */
export function pkcs12KeyStore(
  certificate: IssuedCertificate,
  caFile: string,
  name: string,
  storeFile: string,
  password: string,
): void {
  openssl([
    'pkcs12',
    '-export',
    '-in',
    certificate.certFile,
    '-inkey',
    certificate.keyFile,
    '-certfile',
    caFile,
    '-name',
    name,
    '-out',
    storeFile,
    '-passout',
    `pass:${password}`,
  ]);
}

/**
 * Writes a PKCS12 trust store holding `caFile`. keytool rather than openssl: Java trusts a certificate in a
 * PKCS12 file only when it carries Oracle's trusted-key-usage attribute, which OpenSSL adds only from 3.2
 * on (`-jdktrust`); Debian 12's OpenSSL 3.0 writes a store Java reads as empty.
 */
export function pkcs12TrustStore(caFile: string, storeFile: string, password: string): void {
  requireCommand(KEYTOOL, 'default-jre-headless', 'keytool (part of the JRE)');
  execFileSync(
    KEYTOOL,
    [
      '-importcert',
      '-noprompt',
      '-alias',
      'ca',
      '-file',
      caFile,
      '-keystore',
      storeFile,
      '-storetype',
      'PKCS12',
      '-storepass',
      password,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}
