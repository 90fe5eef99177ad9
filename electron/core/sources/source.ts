import type { BackendKind, ConnectionProfile } from '../../../shared/model/connection.js';
import type { AclEntry } from '../../../shared/model/node.js';
import type { BackendSession } from '../backends/backend.js';
import type { JobContext } from '../sync/job.js';

/** Store metadata of a key as a snapshot keeps it (present only when asked for). */
export interface KeyMeta {
  /** The backend's metadata rows, by key (ZooKeeper stat fields, etcd revisions, Consul flags…). */
  fields: Record<string, string>;
  acls: AclEntry[] | null;
}

/**
 * One key of a source. A key is a node that has a value or has no children; a node whose only content is
 * its children (a ZooKeeper node with empty data and children, an etcd prefix without its own key) is a
 * folder and not a key. Paths are relative to the source root and start with `/`.
 */
export interface SourceKey {
  path: string;
  value: Buffer;
  /** The store's concurrency token (ZooKeeper version, etcd mod_revision), null for snapshots. */
  token: string | null;
  ephemeral: boolean;
  meta: KeyMeta | null;
}

export interface WalkOptions {
  /** Leave out ephemeral nodes (they belong to live sessions, not to configuration). */
  skipEphemeral: boolean;
  /** Read metadata with each key. */
  withMetadata: boolean;
  /** Relative paths (keys or folders) to leave out; a folder left out is not descended into. */
  ignore: (relativePath: string) => boolean;
}

/** Receives what a walk finds, in no particular order. */
export interface WalkSink {
  key(key: SourceKey): void;
  /** A folder below the root (never the root itself). */
  folder(path: string): void;
}

/** The connection behind a source, when it is a live store (what a sync needs to write to it). */
export interface SourceStore {
  profile: ConnectionProfile;
  session: BackendSession;
}

/** Anything that can be compared, synced from, or synced to: a connection and a path, or a snapshot file. */
export interface Source {
  /** How the user named it (`zk://127.0.0.1:2181/app`, `@prod/app`, `file:staging.json`). */
  readonly label: string;
  readonly kind: BackendKind | 'snapshot';
  /** The absolute path in the store that relative paths hang from (`/` for a snapshot). */
  readonly root: string;
  /** The live store, or null for a snapshot file (read-only). */
  readonly store: SourceStore | null;
  /** Visits every key and folder below the root; rejects with CANCELLED when the signal fires. */
  walk(options: WalkOptions, sink: WalkSink, job?: JobContext): Promise<void>;
  /** The key at a relative path now, or null when there is none (absent, or only a folder). */
  read(path: string): Promise<SourceKey | null>;
  /** Releases what opening the source took (a session it opened itself); idempotent. */
  close(): Promise<void>;
}

/** The absolute store path of a relative path under `root`. */
export function absolutePath(root: string, relative: string): string {
  if (relative === '/' || relative === '') return root;
  return root === '/' ? relative : `${root}${relative}`;
}

export { relativePath } from '../../../shared/paths.js';
