/** Profile fields only some stores have. */
export type KindField = 'datacenter' | 'contextPath' | 'namespace' | 'adminServerUrl';

/** How the Services view narrows a registry: Consul by datacenter, Nacos by namespace and group. */
export type RegistryScopeField = 'datacenter' | 'namespace' | 'group';

/**
 * Everything ConfigDeck knows about a kind of store that is not code: how it is named and reached, how its
 * profile form looks, and the facts of its tree the engine must respect. One descriptor per kind, read by
 * the core and the UI alike, so neither branches on a kind's name.
 */
export interface KindDescriptor {
  label: string;
  /** Source URLs of this kind (`zk://…`): accepted schemes, canonical first, and the form shown in errors. */
  source: { schemes: readonly string[]; form: string } | null;
  /** Paths the store keeps for itself, left out when a whole store is compared or exported. */
  reservedPaths: readonly string[];
  /** A node can be created only under an existing parent (ZooKeeper); elsewhere levels follow from keys. */
  parentsMustExist: boolean;
  /** Connections of this kind can never write (a snapshot file): their profiles are saved read-only. */
  readOnly: boolean;
  endpointsLabel: string;
  endpointsPlaceholder: string;
  endpointsHint: string;
  /** TLS client files can be given (CA, certificate, key). */
  tls: boolean;
  /** Server certificate verification may be switched off explicitly (the profile is then marked insecure). */
  insecureTls: boolean;
  /** What a user must know to connect over TLS (which port to name), shown with the TLS fields. */
  tlsHint: string | null;
  /** Label of the user name field; null when the credential is a token alone (no user name). */
  usernameLabel: string | null;
  passwordLabel: string;
  authHint: string;
  /** A sentence beside the credentials about the logins this store has and ConfigDeck does not speak. */
  authNote: string | null;
  timeoutLabel: string;
  /** Extra profile fields of this store, in the order shown. */
  fields: readonly KindField[];
  /** What an empty context path means (shown as placeholder). */
  defaultContextPath: string | null;
  /** Scope controls of the Services view. */
  registryScope: readonly RegistryScopeField[];
  /** The registry's and the config tree's default group, offered first in the group box. */
  defaultGroup: string | null;
  /**
   * Where the store cannot tell which clients watch a path, the one sentence that says so (shown instead of
   * a "who watches" answer, printed by `configdeck watchers`); null where its sessions can answer.
   */
  watchersUnknown: string | null;
}

/** What a store has unless its descriptor says otherwise: a plain writable tree without extra profile fields. */
export const STORE_DEFAULTS = {
  reservedPaths: [],
  parentsMustExist: false,
  readOnly: false,
  tls: false,
  insecureTls: false,
  tlsHint: null,
  authNote: null,
  fields: [],
  defaultContextPath: null,
  registryScope: [],
  defaultGroup: null,
  watchersUnknown: null,
} as const satisfies Partial<KindDescriptor>;
