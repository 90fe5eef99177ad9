import { isAppError } from '../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type { BackendKind, ConnectionProfile } from '../../../shared/model/connection.js';
import type { BackendSession } from '../backends/backend.js';
import type { JobContext } from '../sync/job.js';
import {
  absolutePath,
  type Source,
  type SourceKey,
  type SourceStore,
  type WalkOptions,
  type WalkSink,
} from './source.js';
import { isKeyNode } from './key.rule.js';
import { walkByScan } from './scan.walker.js';
import { canScanSubtree } from '../backends/subtree.scan.js';
import { keyMetaOf, walkTree, type WalkTuning } from './tree.walker.js';

export interface SessionSourceOptions {
  label: string;
  profile: ConnectionProfile;
  session: BackendSession;
  /** Absolute path of the root in the store. */
  root: string;
  /** Called by `close` (a session the source opened itself); nothing for a shared session. */
  release?: () => Promise<void>;
  tuning?: WalkTuning;
}

/** A connection and a path: keys are read through the driver interface, so any backend works. */
export class SessionSource implements Source {
  readonly label: string;
  readonly kind: BackendKind;
  readonly root: string;
  readonly store: SourceStore;
  private released = false;

  constructor(private readonly options: SessionSourceOptions) {
    this.label = options.label;
    this.kind = options.profile.kind;
    this.root = options.root;
    this.store = { profile: options.profile, session: options.session };
  }

  walk(options: WalkOptions, sink: WalkSink, job: JobContext = {}): Promise<void> {
    // Subtrees a store keeps for itself are left out when walking from its root.
    const reserved = this.root === '/' ? KIND_DESCRIPTORS[this.kind].reservedPaths : [];
    const ignore =
      reserved.length === 0
        ? options.ignore
        : (path: string): boolean => reserved.includes(path) || options.ignore(path);
    const session = this.store.session;
    const settings = { ...options, ignore };
    // The bulk scan reads no ACLs or metadata rows: a walk that needs them goes node by node.
    if (canScanSubtree(session) && !options.withMetadata) {
      return walkByScan(session, this.root, settings, sink, job.signal);
    }
    return walkTree(session, this.root, settings, sink, job.signal, this.options.tuning);
  }

  async read(path: string): Promise<SourceKey | null> {
    const session = this.store.session;
    let value;
    try {
      value = await session.get(absolutePath(this.root, path), { maxBytes: 0 });
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return null;
      throw error;
    }
    if (!isKeyNode(value.hasValue, value.size, value.childCount)) return null;
    return {
      path,
      value: Buffer.from(value.valueBase64, 'base64'),
      token: value.token,
      ephemeral: false,
      meta: keyMetaOf(value),
    };
  }

  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.options.release?.();
  }
}
