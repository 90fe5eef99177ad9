import { STORE_DEFAULTS, type KindDescriptor } from './kind.descriptor.js';

export const CONSUL_KIND: KindDescriptor = {
  ...STORE_DEFAULTS,
  label: 'Consul',
  source: { schemes: ['consul'], form: 'consul://host:port/path' },
  endpointsLabel: 'Agent addresses',
  endpointsPlaceholder: 'consul1:8500, https://consul2:8501',
  endpointsHint: 'agent address host:port or URL, comma separated or one per line',
  tls: true,
  insecureTls: true,
  usernameLabel: null,
  passwordLabel: 'ACL token',
  authHint: 'Leave empty when ACLs are disabled',
  timeoutLabel: 'Request timeout (ms)',
  fields: ['datacenter'],
  registryScope: ['datacenter'],
  watchersUnknown: 'Consul does not tell which clients wait on a key with blocking queries.',
};
