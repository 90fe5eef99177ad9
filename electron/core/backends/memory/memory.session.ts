import { AppError } from '../../../../shared/errors.js';
import type { NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { BackendKind, ConnectionState } from '../../../../shared/model/connection.js';
import { inWords, yesNo } from '../../../../shared/labels/core-words.js';
import { metaField } from '../../../../shared/labels/meta-fields.js';
import type { ChildEntry, ChildPage, MetaField, NodeValue } from '../../../../shared/model/node.js';
import { childPath } from '../../../../shared/paths.js';
import type * as Backend from '../backend.js';
import type { BatchWriter } from '../batch.js';
import { ListenerSet } from '../kit/listener.set.js';
import { SessionLifecycle } from '../kit/session.lifecycle.js';
import { folderValue, nodeWithValue } from '../node-value.js';
import { memoryBatchWriter } from './memory.batch.js';
import { assertPath, type MemoryKey, type MemoryTree } from './memory.tree.js';

/** Cursors continue after the last name a page returned, so pages hold when nodes come and go between them. */
const CURSOR_PREFIX = 'after:';

function metaOf(key: MemoryKey): MetaField[] {
  const fields: MetaField[] = [
    metaField('version', String(key.version)),
    metaField('create_revision', String(key.createRevision)),
    metaField('mod_revision', String(key.modRevision)),
  ];
  if (key.owner !== null) fields.push(metaField('ephemeral_owner', inWords('session', { id: key.owner })));
  if (key.container) fields.push(metaField('container', yesNo(true)));
  return fields;
}

export interface MemorySessionSetup {
  id: number;
  /** The kind the store stands in for (named in messages such as "This etcd connection is closed."). */
  kind: BackendKind;
  tree: MemoryTree;
  server: string;
  nodeCapabilities: NodeCapabilities;
  batch: { maxWrites: number; maxBytes: number } | null;
}

/** One session on an in-memory store: the common tree model over MemoryTree, closed for good by close(). */
export class MemorySession implements Backend.BackendSession {
  readonly nodeCapabilities: NodeCapabilities;
  readonly server: string;
  readonly batch?: BatchWriter;
  private readonly id: number;
  private readonly tree: MemoryTree;
  private readonly life: SessionLifecycle;
  private readonly states = new ListenerSet<[ConnectionState, string | null]>();

  constructor(setup: MemorySessionSetup) {
    this.id = setup.id;
    this.tree = setup.tree;
    this.server = setup.server;
    this.nodeCapabilities = setup.nodeCapabilities;
    this.life = new SessionLifecycle(setup.kind);
    if (setup.batch !== null) {
      this.batch = memoryBatchWriter(setup.tree, setup.batch, (call) => this.life.whileOpen(call));
    }
  }

  listChildren(path: string, options: Backend.ListChildrenOptions): Promise<ChildPage> {
    return this.life.whileOpen(async () => this.children(path, options));
  }

  get(path: string, options: Backend.GetOptions): Promise<NodeValue> {
    return this.life.whileOpen(async () => {
      assertPath(path);
      if (!this.tree.exists(path)) throw new AppError('NOT_FOUND', `${path} does not exist.`);
      return this.nodeValue(path, options.maxBytes);
    });
  }

  set(path: string, value: Buffer, token: string | null): Promise<Backend.Written & { node: NodeValue }> {
    return this.life.whileOpen(async () => {
      const { before } = this.tree.set(path, value, token);
      return { node: this.nodeValue(path, 0), before };
    });
  }

  create(path: string, value: Buffer, mode: Backend.CreateOptions): Promise<{ path: string }> {
    return this.life.whileOpen(async () => ({ path: this.tree.create(path, value, mode, this.id) }));
  }

  delete(path: string, options: Backend.DeleteOptions): Promise<Backend.Written & { deleted: number }> {
    return this.life.whileOpen(async () => this.tree.delete(path, options.recursive, options.token));
  }

  countSubtree(path: string): Promise<number> {
    return this.life.whileOpen(async () => this.tree.count(path));
  }

  watch(
    path: string,
    options: Backend.WatchOptions,
    listener: (change: Backend.NodeChange) => void,
  ): () => void {
    assertPath(path);
    return this.life.watch(listener, (emit) => this.tree.watches.watch(path, options, emit));
  }

  onStateChange(listener: (state: ConnectionState, message: string | null) => void): () => void {
    return this.states.add(listener);
  }

  /** Ends the session: its watches stop, its ephemeral nodes go, every later call fails with NOT_CONNECTED. */
  close(): Promise<void> {
    return this.life.close(() => {
      this.tree.release(this.id);
      this.states.emit('closed', null);
      this.states.clear();
    });
  }

  private children(path: string, options: Backend.ListChildrenOptions): ChildPage {
    assertPath(path);
    if (!this.tree.exists(path)) throw new AppError('NOT_FOUND', `${path} does not exist.`);
    const needle = options.filter?.toLowerCase() ?? '';
    const names = this.tree.childNames(path).filter((name) => name.toLowerCase().includes(needle));
    const after = this.cursorName(options.cursor);
    const rest = after === null ? names : names.filter((name) => name > after);
    const page = rest.slice(0, Math.max(1, options.limit));
    const more = rest.length > page.length;
    return {
      path,
      entries: page.map((name) => this.entry(childPath(path, name), name)),
      total: names.length,
      nextCursor: more ? `${CURSOR_PREFIX}${page.at(-1)!}` : null,
    };
  }

  private cursorName(cursor: string | null): string | null {
    if (cursor === null) return null;
    if (!cursor.startsWith(CURSOR_PREFIX))
      throw new AppError('INVALID_INPUT', 'The paging cursor is not valid.');
    return cursor.slice(CURSOR_PREFIX.length);
  }

  private nodeValue(path: string, maxBytes: number): NodeValue {
    const key = this.tree.key(path);
    const childCount = this.tree.childCount(path);
    if (key === undefined) return folderValue(path, childCount);
    return nodeWithValue(
      { path, token: String(key.modRevision), meta: metaOf(key), childCount },
      key.value,
      maxBytes,
    );
  }

  private entry(path: string, name: string): ChildEntry {
    const key = this.tree.key(path);
    return {
      name,
      path,
      hasValue: key !== undefined,
      childCount: this.tree.childCount(path),
      dataLength: key?.value.length ?? null,
      ephemeral: key !== undefined && key.owner !== null,
    };
  }
}
