import { STORE_DEFAULTS, type KindDescriptor } from './kind.descriptor.js';

export const ETCD_KIND: KindDescriptor = {
  ...STORE_DEFAULTS,
  label: 'etcd',
  source: { schemes: ['etcd'], form: 'etcd://host:port/path' },
  endpointsLabel: 'Endpoints',
  endpointsPlaceholder: 'http://etcd1:2379, https://etcd2:2379',
  endpointsHint: 'host:port or URL, comma separated or one per line',
  tls: true,
  usernameLabel: 'Username',
  passwordLabel: 'Password',
  authHint: 'etcd user and password',
  timeoutLabel: 'Connect timeout (ms)',
  watchersUnknown: 'etcd does not tell which clients watch a key.',
};
