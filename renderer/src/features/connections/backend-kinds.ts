import type { BackendKind } from '../../../../shared/model/connection.js';

/** Profile fields only some stores have. */
export type KindField = 'datacenter' | 'contextPath' | 'namespace';

/** How the Services view narrows a registry: Consul by datacenter, Nacos by namespace and group. */
export type RegistryScopeField = 'datacenter' | 'namespace' | 'group';

/** What the UI needs to know about a store: data, not branches on its name. */
export interface BackendKindInfo {
  label: string;
  endpointsLabel: string;
  endpointsPlaceholder: string;
  endpointsHint: string;
  /** TLS client files can be given (CA, certificate, key). */
  tls: boolean;
  /** Server certificate verification may be switched off explicitly (the profile is then marked insecure). */
  insecureTls: boolean;
  /** Label of the user name field; null when the credential is a token alone (no user name). */
  usernameLabel: string | null;
  passwordLabel: string;
  authHint: string;
  timeoutLabel: string;
  /** Extra profile fields of this store, in the order shown. */
  fields: readonly KindField[];
  /** What an empty context path means (shown as placeholder). */
  defaultContextPath: string | null;
  /** Scope controls of the Services view. */
  registryScope: readonly RegistryScopeField[];
  /** The registry's default group, offered first in the group box. */
  defaultGroup: string | null;
}

export const BACKEND_KIND_INFO: Record<BackendKind, BackendKindInfo> = {
  snapshot: {
    label: 'Snapshot file',
    endpointsLabel: 'Snapshot file',
    endpointsPlaceholder: '/path/to/prod.json',
    endpointsHint: 'a ConfigDeck snapshot file (configdeck export); it opens read-only',
    tls: false,
    insecureTls: false,
    usernameLabel: null,
    passwordLabel: 'Password',
    authHint: 'Snapshot files need no credentials',
    timeoutLabel: 'Load timeout (ms)',
    fields: [],
    defaultContextPath: null,
    registryScope: [],
    defaultGroup: null,
  },
  zookeeper: {
    label: 'ZooKeeper',
    endpointsLabel: 'Endpoints',
    endpointsPlaceholder: 'zk1:2181,zk2:2181,zk3:2181/app',
    endpointsHint:
      'host:port, comma separated or one per line; a chroot follows the last one (h1:2181,h2:2181/app)',
    tls: false,
    insecureTls: false,
    usernameLabel: 'Username',
    passwordLabel: 'Password',
    authHint: 'Digest authentication (user:password)',
    timeoutLabel: 'Session timeout (ms)',
    fields: [],
    defaultContextPath: null,
    registryScope: [],
    defaultGroup: null,
  },
  etcd: {
    label: 'etcd',
    endpointsLabel: 'Endpoints',
    endpointsPlaceholder: 'http://etcd1:2379, https://etcd2:2379',
    endpointsHint: 'host:port or URL, comma separated or one per line',
    tls: true,
    insecureTls: false,
    usernameLabel: 'Username',
    passwordLabel: 'Password',
    authHint: 'etcd user and password',
    timeoutLabel: 'Connect timeout (ms)',
    fields: [],
    defaultContextPath: null,
    registryScope: [],
    defaultGroup: null,
  },
  consul: {
    label: 'Consul',
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
    defaultContextPath: null,
    registryScope: ['datacenter'],
    defaultGroup: null,
  },
  nacos: {
    label: 'Nacos',
    endpointsLabel: 'Server addresses',
    endpointsPlaceholder: 'nacos1:8848, nacos2:8848',
    endpointsHint: 'server address host:port, comma separated or one per line',
    tls: false,
    insecureTls: false,
    usernameLabel: 'Username',
    passwordLabel: 'Password',
    authHint: 'Nacos user and password (empty when auth is off)',
    timeoutLabel: 'Request timeout (ms)',
    fields: ['contextPath', 'namespace'],
    defaultContextPath: '/nacos',
    registryScope: ['namespace', 'group'],
    defaultGroup: 'DEFAULT_GROUP',
  },
};
