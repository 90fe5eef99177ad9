import { STORE_DEFAULTS, type KindDescriptor } from './kind.descriptor.js';

/** The group a Nacos config or service belongs to when none is named. */
export const NACOS_DEFAULT_GROUP = 'DEFAULT_GROUP';

export const NACOS_KIND: KindDescriptor = {
  ...STORE_DEFAULTS,
  label: 'Nacos',
  source: { schemes: ['nacos'], form: 'nacos://host:port/namespace/group' },
  endpointsLabel: 'Server addresses',
  endpointsPlaceholder: 'nacos1:8848, nacos2:8848',
  endpointsHint: 'server address host:port, comma separated or one per line',
  usernameLabel: 'Username',
  passwordLabel: 'Password',
  authHint: 'Nacos user and password (empty when auth is off)',
  timeoutLabel: 'Request timeout (ms)',
  fields: ['contextPath', 'namespace'],
  defaultContextPath: '/nacos',
  registryScope: ['namespace', 'group'],
  defaultGroup: NACOS_DEFAULT_GROUP,
};
