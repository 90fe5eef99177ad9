import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { type TestCertificates } from './test-certificates.js';

// The certificates themselves live in test-certificates.ts (ZooKeeper's TLS uses them too); these names stay
// for etcd's and Consul's callers.
export { createTestCertificates } from './test-certificates.js';
export type EtcdTestCertificates = TestCertificates;

/** GET /health over TLS with the client certificate (fetch cannot take a private CA). */
export function healthyOverTls(clientPort: number, certs: EtcdTestCertificates): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: clientPort,
        path: '/health',
        ca: readFileSync(certs.caFile),
        cert: readFileSync(certs.clientCertFile),
        key: readFileSync(certs.clientKeyFile),
        timeout: 1000,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve(body.includes('"health":"true"')));
      },
    );
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}
