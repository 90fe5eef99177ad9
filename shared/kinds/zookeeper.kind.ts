import { STORE_DEFAULTS, type KindDescriptor } from './kind.descriptor.js';

export const ZOOKEEPER_KIND: KindDescriptor = {
  ...STORE_DEFAULTS,
  label: 'ZooKeeper',
  source: { schemes: ['zk', 'zookeeper'], form: 'zk://host:port[,host:port]/path' },
  // The server's own quota and config nodes.
  reservedPaths: ['/zookeeper'],
  parentsMustExist: true,
  endpointsLabel: 'Endpoints',
  endpointsPlaceholder: 'zk1:2181,zk2:2181,zk3:2181/app',
  endpointsHint:
    'host:port, comma separated or one per line; a chroot follows the last one (h1:2181,h2:2181/app)',
  tls: true,
  insecureTls: true,
  // TLS is served on its own port beside the plain one: a TLS profile naming 2181 fails its handshake.
  tlsHint: 'With TLS, use the servers’ secureClientPort in the endpoints, not clientPort.',
  usernameLabel: 'Username',
  passwordLabel: 'Password',
  authHint: 'Digest authentication (user:password)',
  authNote: 'SASL/Kerberos is not supported; use digest auth or mTLS.',
  timeoutLabel: 'Session timeout (ms)',
  fields: ['adminServerUrl'],
};
