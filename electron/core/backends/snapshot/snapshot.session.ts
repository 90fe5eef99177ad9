import { childPath } from '../../../../shared/paths.js';
import { valueSlice } from '../node-value.js';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors.js';
import { storedMetaField } from '../../../../shared/labels/meta-fields.js';
import { PLAIN_NODES } from '../../../../shared/model/capabilities.js';
import type { ChildEntry, ChildPage, NodeValue } from '../../../../shared/model/node.js';
import type { BackendSession, GetOptions, ListChildrenOptions } from '../backend.js';
import { parseSnapshot } from './snapshot.format.js';
import { SnapshotTree, type SnapshotNode } from './snapshot.tree.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../../shared/sentences/copy.js';

/** Reads a snapshot file; INVALID_INPUT (one sentence) when it cannot be read or is not a snapshot. */
export async function loadSnapshotTree(file: string): Promise<SnapshotTree> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${code ?? String(error)})`;
    throw new AppError('INVALID_INPUT', `Cannot open the snapshot ${file}: ${why}.`);
  }
  return new SnapshotTree(parseSnapshot(text, file));
}

/**
 * A snapshot file browsed like a store: read-only (every write is refused with READ_ONLY), no watches.
 * It backs both the 'snapshot' connection kind (snapshot.driver.ts) and the snapshot source of diff/sync.
 */
export class SnapshotSession implements BackendSession {
  // A snapshot says exactly which paths are keys (a node without a key is a folder) and can do nothing else.
  readonly nodeCapabilities = PLAIN_NODES;
  readonly server: string;

  constructor(
    readonly tree: SnapshotTree,
    file: string,
  ) {
    this.server = say(COPY_SENTENCES, 'snapshotServer', {
      file,
      source: tree.snapshot.source,
      exportedAt: tree.snapshot.exportedAt,
    });
  }

  async listChildren(path: string, options: ListChildrenOptions): Promise<ChildPage> {
    const node = this.require(path);
    const needle = options.filter?.toLowerCase() ?? '';
    const names =
      needle === '' ? node.children : node.children.filter((n) => n.toLowerCase().includes(needle));
    const start = options.cursor === null ? 0 : Number.parseInt(options.cursor, 10);
    if (!Number.isInteger(start) || start < 0)
      throw new AppError('INVALID_INPUT', 'The paging cursor is not valid.');
    const page = names.slice(start, start + Math.max(1, options.limit));
    const entries = page.map((name) => this.entry(this.require(childPath(path, name))));
    const end = start + page.length;
    return { path, entries, total: names.length, nextCursor: end < names.length ? String(end) : null };
  }

  async get(path: string, options: GetOptions): Promise<NodeValue> {
    const node = this.require(path);
    const value = node.key?.value ?? Buffer.alloc(0);
    return {
      path,
      hasValue: node.key !== null,
      ...valueSlice(value, options.maxBytes),
      token: null,
      meta: Object.entries(node.key?.meta ?? {}).map(([key, text]) => storedMetaField(key, text)),
      acls: node.key?.acls ?? null,
      childCount: node.children.length,
    };
  }

  async set(): Promise<never> {
    throw this.readOnly();
  }

  async create(): Promise<never> {
    throw this.readOnly();
  }

  async delete(): Promise<never> {
    throw this.readOnly();
  }

  async countSubtree(path: string): Promise<number> {
    this.require(path);
    return this.tree.countKeys(path);
  }

  watch(): () => void {
    // A file does not change under an open session: nothing to report.
    return () => undefined;
  }

  onStateChange(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {}

  private require(path: string): SnapshotNode {
    const node = this.tree.node(path);
    if (node === undefined)
      throw new AppError('NOT_FOUND', `No key exists at or below ${path} in the snapshot.`);
    return node;
  }

  private entry(node: SnapshotNode): ChildEntry {
    return {
      name: node.path.slice(node.path.lastIndexOf('/') + 1),
      path: node.path,
      hasValue: node.key !== null,
      childCount: node.children.length,
      dataLength: node.key?.value.length ?? null,
      ephemeral: false,
    };
  }

  private readOnly(): AppError {
    return new AppError(
      'READ_ONLY',
      'A snapshot file is read-only: import it into a connection to change it.',
    );
  }
}
