import type { BackendKind, ConnectionProfile, ConnectionState } from '../../../shared/model/connection.js';
import type { Capabilities } from '../../../shared/model/capabilities.js';
import type { ChildPage, CreateMode, NodeChangeType, NodeValue } from '../../../shared/model/node.js';

/** A profile with its secret resolved, handed to a driver only; never leaves the core. */
export interface ResolvedProfile extends ConnectionProfile {
  password: string | null;
}

export interface ListChildrenOptions {
  cursor: string | null;
  limit: number;
  /** Case-insensitive substring on the child name. */
  filter: string | null;
}

export interface GetOptions {
  /** Return at most this many bytes of the value (0 = all); `truncated` says when cut. */
  maxBytes: number;
}

export interface DeleteOptions {
  recursive: boolean;
  /** For a non-recursive delete: fail with CONFLICT when the node moved past this token. */
  token: string | null;
}

export interface NodeChange {
  path: string;
  type: NodeChangeType;
}

export interface WatchOptions {
  /** Also report changes to the direct children list (created/deleted children). */
  children: boolean;
}

/**
 * One live connection to a store, mapped onto the common tree model. Every method rejects with an
 * AppError (stable code) and never hangs past the profile's session timeout.
 */
export interface BackendSession {
  readonly capabilities: Capabilities;
  /** Server version or description when known. */
  readonly server: string | null;
  listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage>;
  /** Rejects with NOT_FOUND when neither a value nor children exist at the path. */
  get(path: string, options: GetOptions): Promise<NodeValue>;
  /** Writes when the node is still at `token` (null = unconditional); CONFLICT carries the current value. */
  set(path: string, value: Buffer, token: string | null): Promise<NodeValue>;
  /** Returns the created path (differs from the input for sequential nodes). */
  create(
    path: string,
    value: Buffer,
    mode: Required<Pick<CreateMode, 'ephemeral' | 'sequential' | 'container'>> &
      Pick<CreateMode, 'ttlMs' | 'leaseTtlSec'>,
  ): Promise<{ path: string }>;
  /** Returns the number of nodes removed. */
  delete(path: string, options: DeleteOptions): Promise<{ deleted: number }>;
  /** Number of nodes in the subtree, the node itself included when it holds a value. */
  countSubtree(path: string): Promise<number>;
  /** Calls the listener on every change until the returned function is called. */
  watch(path: string, options: WatchOptions, listener: (change: NodeChange) => void): () => void;
  /** Connection state changes (reconnects, session expiry). */
  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void;
  close(): Promise<void>;
}

export interface BackendDriver {
  readonly kind: BackendKind;
  /** Opens a session; rejects with UNREACHABLE/AUTH_FAILED/TIMEOUT/INVALID_INPUT within the session timeout. */
  connect(profile: ResolvedProfile): Promise<BackendSession>;
}
