import { AppError } from '../../../../shared/errors.js';
import type { NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { ConnectionState } from '../../../../shared/model/connection.js';
import type { ChildEntry, ChildPage, MetaField, NodeValue } from '../../../../shared/model/node.js';
import { childPath } from '../../../../shared/paths.js';
import type * as Backend from '../backend.js';
import type { BatchWriter } from '../batch.js';
import { folderValue, valueSlice } from '../node-value.js';
import { memoryBatchWriter } from './memory.batch.js';
import { assertPath, type MemoryKey, type MemoryTree } from './memory.tree.js';

type StateListener = (state: ConnectionState, message: string | null) => void;

/** Cursors continue after the last name a page returned, so pages hold when nodes come and go between them. */
const CURSOR_PREFIX = 'after:';

function metaOf(key: MemoryKey): MetaField[] {
  const fields: MetaField[] = [
    { key: 'version', label: 'Version', value: String(key.version) },
    { key: 'create_revision', label: 'Create revision', value: String(key.createRevision) },
    { key: 'mod_revision', label: 'Mod revision', value: String(key.modRevision) },
  ];
  if (key.owner !== null)
    fields.push({ key: 'ephemeral_owner', label: 'Ephemeral owner', value: `session ${key.owner}` });
  if (key.container) fields.push({ key: 'container', label: 'Container', value: 'yes' });
  return fields;
}

export interface MemorySessionSetup {
  id: number;
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
  private readonly stops = new Set<() => void>();
  private readonly stateListeners = new Set<StateListener>();
  private closed = false;

  constructor(setup: MemorySessionSetup) {
    this.id = setup.id;
    this.tree = setup.tree;
    this.server = setup.server;
    this.nodeCapabilities = setup.nodeCapabilities;
    if (setup.batch !== null) this.batch = memoryBatchWriter(setup.tree, setup.batch, () => this.live());
  }

  async listChildren(path: string, options: Backend.ListChildrenOptions): Promise<ChildPage> {
    this.live();
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

  async get(path: string, options: Backend.GetOptions): Promise<NodeValue> {
    this.live();
    assertPath(path);
    if (!this.tree.exists(path)) throw new AppError('NOT_FOUND', `${path} does not exist.`);
    return this.nodeValue(path, options.maxBytes);
  }

  async set(
    path: string,
    value: Buffer,
    token: string | null,
  ): Promise<Backend.Written & { node: NodeValue }> {
    this.live();
    const { before } = this.tree.set(path, value, token);
    return { node: this.nodeValue(path, 0), before };
  }

  async create(path: string, value: Buffer, mode: Backend.CreateOptions): Promise<{ path: string }> {
    this.live();
    return { path: this.tree.create(path, value, mode, this.id) };
  }

  async delete(path: string, options: Backend.DeleteOptions): Promise<Backend.Written & { deleted: number }> {
    this.live();
    return this.tree.delete(path, options.recursive, options.token);
  }

  async countSubtree(path: string): Promise<number> {
    this.live();
    return this.tree.count(path);
  }

  watch(
    path: string,
    options: Backend.WatchOptions,
    listener: (change: Backend.NodeChange) => void,
  ): () => void {
    this.live();
    assertPath(path);
    const stopWatch = this.tree.watches.watch(path, options, listener);
    const stop = (): void => {
      this.stops.delete(stop);
      stopWatch();
    };
    this.stops.add(stop);
    return stop;
  }

  onStateChange(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Ends the session: its watches stop, its ephemeral nodes go, every later call fails with NOT_CONNECTED. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of [...this.stops]) stop();
    this.tree.release(this.id);
    for (const listener of [...this.stateListeners]) listener('closed', null);
    this.stateListeners.clear();
  }

  private live(): void {
    if (this.closed) throw new AppError('NOT_CONNECTED', 'The in-memory session is closed.');
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
    return {
      path,
      hasValue: true,
      ...valueSlice(key.value, maxBytes),
      token: String(key.modRevision),
      meta: metaOf(key),
      acls: null,
      childCount,
    };
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
