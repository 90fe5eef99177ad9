import { AppError } from '../../../../shared/errors.js';
import { NodePathSchema } from '../../../../shared/model/node.js';
import { childPath, nameOf, parentPath, ROOT_PATH } from '../../../../shared/paths.js';
import type { BatchWrite } from '../batch.js';
import type { CreateOptions, NodeChange } from '../backend.js';
import { MemoryWatches } from './memory.watches.js';

/** A node that holds a value (a level without one exists only while keys lie below it). */
export interface MemoryKey {
  value: Buffer;
  createRevision: number;
  /** The store's revision at the last write: the node's concurrency token. */
  modRevision: number;
  /** Writes since the node was created (0 at creation). */
  version: number;
  /** The session that created an ephemeral node; null for a persistent one. */
  owner: number | null;
  /** Removed as soon as its last child is deleted. */
  container: boolean;
}

const PERSISTENT = { owner: null, container: false } as const;

export interface TreeRules {
  /** A node can be created only under an existing one (ZooKeeper); else levels follow from the keys. */
  parentsMustExist: boolean;
  maxValueBytes: number;
}

/** Throws INVALID_INPUT unless `path` is an absolute path of the common model. */
export function assertPath(path: string): void {
  const checked = NodePathSchema.safeParse(path);
  if (!checked.success) {
    throw new AppError(
      'INVALID_INPUT',
      `${JSON.stringify(path)} is not a valid path: ${checked.error.issues[0]?.message}.`,
    );
  }
}

/** A node's revision from its token; INVALID_INPUT for anything but a revision number. */
export function parseToken(token: string): number {
  if (!/^\d{1,15}$/.test(token)) throw new AppError('INVALID_INPUT', `"${token}" is not a revision token.`);
  return Number(token);
}

/**
 * The tree of one in-memory store, shared by every session connected to its endpoint. Every operation is
 * synchronous, so each is atomic; each write checks everything before it changes anything, and reports
 * its changes to the watches once done.
 */
export class MemoryTree {
  readonly watches = new MemoryWatches();
  private readonly keys = new Map<string, MemoryKey>();
  /** Names of the direct children of every node that has some. */
  private readonly children = new Map<string, Set<string>>();
  /** The counter a sequential name gets, per parent. */
  private readonly sequences = new Map<string, number>();
  private revision = 0;

  constructor(readonly rules: TreeRules) {}

  key(path: string): MemoryKey | undefined {
    return this.keys.get(path);
  }

  /** True for the root, a key, and a level with keys below it. */
  exists(path: string): boolean {
    return path === ROOT_PATH || this.keys.has(path) || this.children.has(path);
  }

  /** Direct child names in code unit order. */
  childNames(path: string): string[] {
    return [...(this.children.get(path) ?? [])].sort();
  }

  childCount(path: string): number {
    return this.children.get(path)?.size ?? 0;
  }

  /** Creates a key; resolves with its path (with the counter appended for a sequential node). */
  create(path: string, value: Buffer, mode: CreateOptions, owner: number): string {
    assertPath(path);
    if (path === ROOT_PATH) throw new AppError('NODE_EXISTS', 'The root / always exists.');
    this.assertSize(path, value);
    const created = mode.sequential ? this.sequentialPath(path) : path;
    this.assertCreatable(created, 'NODE_EXISTS');
    const changes: NodeChange[] = [];
    this.insert(created, value, { owner: mode.ephemeral ? owner : null, container: mode.container }, changes);
    this.commit(changes);
    return created;
  }

  /** Writes a value when the key is still at `token` (null: whatever it holds); resolves with the value it replaced. */
  set(path: string, value: Buffer, token: string | null): { key: MemoryKey; before: Buffer | null } {
    assertPath(path);
    if (path === ROOT_PATH) throw new AppError('INVALID_INPUT', 'The root / holds no value.');
    this.assertSize(path, value);
    const current = this.keys.get(path);
    if (token !== null) this.assertAt(path, parseToken(token));
    else if (current === undefined && this.rules.parentsMustExist) throw this.notFound(path);
    const changes: NodeChange[] = [];
    if (current === undefined) {
      this.assertCreatable(path, 'CONFLICT');
      this.insert(path, value, PERSISTENT, changes);
    } else {
      this.update(path, current, value, changes);
    }
    this.commit(changes);
    return { key: this.keys.get(path)!, before: current?.value ?? null };
  }

  /** Deletes a node (and, when recursive, everything below it); resolves with the count and its value. */
  delete(path: string, recursive: boolean, token: string | null): { deleted: number; before: Buffer | null } {
    assertPath(path);
    if (path === ROOT_PATH) throw new AppError('INVALID_INPUT', 'The root / cannot be deleted.');
    if (!this.exists(path)) throw this.notFound(path);
    if (token !== null) this.assertAt(path, parseToken(token));
    if (!recursive && this.children.has(path)) {
      throw new AppError('NOT_EMPTY', `${path} has children: delete them first, or delete recursively.`);
    }
    const before = this.keys.get(path)?.value ?? null;
    const doomed = this.subtreeKeys(path);
    const changes: NodeChange[] = [];
    for (const key of doomed) if (this.keys.has(key)) this.remove(key, changes);
    this.commit(changes);
    return { deleted: doomed.length, before };
  }

  /** Keys at and below `path`. */
  count(path: string): number {
    assertPath(path);
    if (!this.exists(path)) throw this.notFound(path);
    return this.subtreeKeys(path).length;
  }

  /** Removes the ephemeral nodes of a session that closed. */
  release(owner: number): void {
    const changes: NodeChange[] = [];
    for (const [path, key] of [...this.keys]) {
      if (key.owner === owner && this.keys.has(path)) this.remove(path, changes);
    }
    this.commit(changes);
  }

  /** Applies writes already checked by checkBatch (memory.batch.ts), as one change. */
  applyChecked(writes: readonly BatchWrite[]): void {
    const changes: NodeChange[] = [];
    for (const write of writes) {
      if (write.op === 'create') this.insert(write.path, write.value, PERSISTENT, changes);
      else if (write.op === 'set') this.update(write.path, this.keys.get(write.path)!, write.value, changes);
      else this.remove(write.path, changes);
    }
    this.commit(changes);
  }

  private sequentialPath(path: string): string {
    const parent = parentPath(path) ?? ROOT_PATH;
    const next = this.sequences.get(parent) ?? 0;
    this.sequences.set(parent, next + 1);
    return `${path}${String(next).padStart(10, '0')}`;
  }

  /** A new key may go at `path`: none there yet, and its parent allows children. */
  assertCreatable(path: string, existsCode: 'NODE_EXISTS' | 'CONFLICT'): void {
    if (this.keys.has(path)) throw new AppError(existsCode, `${path} already exists.`);
    const parent = parentPath(path) ?? ROOT_PATH;
    const parentKey = this.keys.get(parent);
    if (this.rules.parentsMustExist && parent !== ROOT_PATH && parentKey === undefined) {
      throw new AppError('NOT_FOUND', `${parent} does not exist: create the parent of ${path} first.`);
    }
    if (parentKey?.owner !== null && parentKey?.owner !== undefined) {
      throw new AppError('INVALID_INPUT', `${parent} is ephemeral: an ephemeral node cannot have children.`);
    }
  }

  /** TOO_LARGE for a value over the store's limit. */
  assertSize(path: string, value: Buffer): void {
    if (value.length > this.rules.maxValueBytes) {
      throw new AppError(
        'TOO_LARGE',
        `${path}: the value has ${value.length} bytes; this store holds at most ${this.rules.maxValueBytes}.`,
      );
    }
  }

  /** CONFLICT, carrying what is there now, unless the node is still at `revision`. */
  private assertAt(path: string, revision: number): void {
    const current = this.keys.get(path);
    if (current?.modRevision === revision) return;
    throw new AppError('CONFLICT', `${path} was changed by someone else since it was read.`, {
      currentValueBase64: current?.value.toString('base64') ?? null,
      currentToken: current === undefined ? null : String(current.modRevision),
    });
  }

  private insert(
    path: string,
    value: Buffer,
    kind: Pick<MemoryKey, 'owner' | 'container'>,
    changes: NodeChange[],
  ): void {
    const revision = ++this.revision;
    this.keys.set(path, { value, createRevision: revision, modRevision: revision, version: 0, ...kind });
    changes.push({ path, type: 'created' });
    this.link(path, changes);
  }

  private update(path: string, key: MemoryKey, value: Buffer, changes: NodeChange[]): void {
    this.keys.set(path, { ...key, value, modRevision: ++this.revision, version: key.version + 1 });
    changes.push({ path, type: 'data' });
  }

  private remove(path: string, changes: NodeChange[]): void {
    this.keys.delete(path);
    ++this.revision;
    changes.push({ path, type: 'deleted' });
    this.unlink(path, changes);
  }

  /** Names `path` in its parent, and each level that appears with it in theirs. */
  private link(path: string, changes: NodeChange[]): void {
    for (
      let child = path, parent = parentPath(child);
      parent !== null;
      child = parent, parent = parentPath(child)
    ) {
      const names = this.children.get(parent);
      if (names?.has(nameOf(child))) return;
      const parentExisted = this.exists(parent);
      if (names === undefined) this.children.set(parent, new Set([nameOf(child)]));
      else names.add(nameOf(child));
      changes.push({ path: parent, type: 'children' });
      if (parentExisted) return;
    }
  }

  /** Drops `path` from its parent once it is no node at all, and levels (and containers) left empty. */
  private unlink(path: string, changes: NodeChange[]): void {
    for (
      let child = path, parent = parentPath(child);
      parent !== null;
      child = parent, parent = parentPath(child)
    ) {
      if (this.exists(child)) return;
      const names = this.children.get(parent);
      names?.delete(nameOf(child));
      if (names?.size === 0) this.children.delete(parent);
      changes.push({ path: parent, type: 'children' });
      if (this.keys.get(parent)?.container === true && !this.children.has(parent)) {
        this.keys.delete(parent);
        changes.push({ path: parent, type: 'deleted' });
      }
    }
  }

  /** Keys at and below `path`, deepest first. */
  private subtreeKeys(path: string): string[] {
    const found: string[] = [];
    const visit = (node: string): void => {
      for (const name of this.children.get(node) ?? []) visit(childPath(node, name));
      if (this.keys.has(node)) found.push(node);
    };
    visit(path);
    return found;
  }

  private commit(changes: NodeChange[]): void {
    // A write that touches one level twice (a recursive delete) reports it once.
    const unique = new Map(changes.map((change) => [`${change.type} ${change.path}`, change]));
    this.watches.notify([...unique.values()]);
  }

  private notFound(path: string): AppError {
    return new AppError('NOT_FOUND', `${path} does not exist.`);
  }
}
