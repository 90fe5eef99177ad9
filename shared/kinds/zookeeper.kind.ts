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
  usernameLabel: 'Username',
  passwordLabel: 'Password',
  authHint: 'Digest authentication (user:password)',
  timeoutLabel: 'Session timeout (ms)',
};
