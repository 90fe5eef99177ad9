import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { pkcs12KeyStore, pkcs12TrustStore } from './java-keystores.js';
import { createCertificateAuthority, issueCertificate } from './test-certificates.js';

/** `ssl.clientAuth`: whether the secure port demands (`need`), asks for (`want`) or ignores client certificates. */
export type ZooKeeperClientAuth = 'need' | 'want' | 'none';

export interface ZooKeeperTlsOptions {
  clientAuth: ZooKeeperClientAuth;
}

/** PEM files a TLS client needs, plus a client certificate from another CA that the server must refuse. */
export interface ZooKeeperClientTls {
  clientAuth: ZooKeeperClientAuth;
  caFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  wrongClientCertFile: string;
  wrongClientKeyFile: string;
}

/** Everything a TLS server needs: the client's files and the server's PKCS12 stores. */
export interface ZooKeeperTlsMaterial {
  client: ZooKeeperClientTls;
  keyStoreFile: string;
  trustStoreFile: string;
  storePassword: string;
}

// Throw-away stores in a temporary directory: the password only satisfies Java, which refuses empty ones.
const STORE_PASSWORD = 'configdeck-test';

/** Creates the CA, the server's stores, a client certificate and a wrong one (another CA) under `dir`. */
export function createZooKeeperTls(dir: string, options: ZooKeeperTlsOptions): ZooKeeperTlsMaterial {
  const ca = createCertificateAuthority(dir, 'ca');
  const server = issueCertificate(ca, 'server', 'server');
  const client = issueCertificate(ca, 'client', 'client');
  const wrongCa = createCertificateAuthority(dir, 'wrong-ca');
  const wrongClient = issueCertificate(wrongCa, 'wrong-client', 'client');
  const keyStoreFile = join(dir, 'server.p12');
  const trustStoreFile = join(dir, 'truststore.p12');
  pkcs12KeyStore(server, ca.certFile, 'server', keyStoreFile, STORE_PASSWORD);
  pkcs12TrustStore(ca.certFile, trustStoreFile, STORE_PASSWORD);
  return {
    client: {
      clientAuth: options.clientAuth,
      caFile: ca.certFile,
      clientCertFile: client.certFile,
      clientKeyFile: client.keyFile,
      wrongClientCertFile: wrongClient.certFile,
      wrongClientKeyFile: wrongClient.keyFile,
    },
    keyStoreFile,
    trustStoreFile,
    storePassword: STORE_PASSWORD,
  };
}

/**
 * zoo.cfg lines for a Netty-served `secureClientPort` beside the plain `clientPort` (which stays open).
 * Keys without the `zookeeper.` prefix are turned into `zookeeper.*` system properties by ZooKeeper.
 */
export function tlsConfigLines(material: ZooKeeperTlsMaterial, securePort: number): string[] {
  return [
    `secureClientPort=${securePort}`,
    'secureClientPortAddress=127.0.0.1',
    // Only Netty serves TLS; the NIO factory (the default) cannot.
    'serverCnxnFactory=org.apache.zookeeper.server.NettyServerCnxnFactory',
    `ssl.keyStore.location=${material.keyStoreFile}`,
    `ssl.keyStore.password=${material.storePassword}`,
    // ZooKeeper would guess the type from the `.p12` extension; saying it keeps the file name free.
    'ssl.keyStore.type=PKCS12',
    `ssl.trustStore.location=${material.trustStoreFile}`,
    `ssl.trustStore.password=${material.storePassword}`,
    'ssl.trustStore.type=PKCS12',
    `ssl.clientAuth=${material.client.clientAuth}`,
  ];
}

/**
 * Sends `word` over TLS with the client certificate and resolves with the answer ('' when the handshake or
 * the connection fails). Netty answers four-letter words on the secure port as on the plain one.
 */
export function secureFourLetterWord(
  port: number,
  word: string,
  client: ZooKeeperClientTls,
  timeoutMs = 2000,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      ca: readFileSync(client.caFile),
      cert: readFileSync(client.clientCertFile),
      key: readFileSync(client.clientKeyFile),
    });
    let answer = '';
    socket.setTimeout(timeoutMs, () => socket.destroy());
    socket.on('secureConnect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}
