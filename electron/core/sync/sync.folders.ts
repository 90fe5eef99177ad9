import { absolutePath } from '../sources/source.js';
import { ancestorsOf, pathDepth } from '../../../shared/paths.js';
import type { SyncWriter } from './sync.writer.js';

/**
 * Creates the root and its ancestors when missing, for stores where a node needs its parent (ZooKeeper):
 * a sync into a new path starts from nothing.
 */
export async function ensureRoot(writer: SyncWriter, root: string): Promise<void> {
  if (root === '/') return;
  for (const path of [...ancestorsOf(root).slice(1), root]) await writer.ensureFolder(path);
}

/**
 * Parent folders during one apply: what existed at plan time, what this apply created, and creations in
 * flight (concurrent items under one new parent create it once).
 */
export class FolderMaker {
  private readonly known: Set<string>;
  private readonly making = new Map<string, Promise<void>>();

  constructor(
    private readonly writer: SyncWriter,
    private readonly root: string,
    private readonly existing: readonly string[],
  ) {
    this.known = new Set(existing);
  }

  /** Makes sure a relative folder exists (creating it empty when it does not). */
  async ensure(path: string): Promise<void> {
    if (this.known.has(path)) return;
    let making = this.making.get(path);
    if (making === undefined) {
      making = this.writer.ensureFolder(absolutePath(this.root, path)).then(() => {
        this.known.add(path);
      });
      this.making.set(path, making);
    }
    await making;
  }

  /** A key this apply created: a parent for later creates. */
  created(path: string): void {
    this.known.add(path);
  }

  /**
   * Removes target folders the applied deletes left empty (deepest first): ancestors of a deleted key
   * that existed at plan time, except paths the plan itself writes (`keep`).
   */
  async prune(deleted: readonly string[], keep: ReadonlySet<string>): Promise<void> {
    const existed = new Set(this.existing);
    const candidates = new Set<string>();
    for (const path of deleted) {
      for (const ancestor of ancestorsOf(path).slice(1))
        if (existed.has(ancestor) && !keep.has(ancestor)) candidates.add(ancestor);
    }
    const deepestFirst = [...candidates].sort((a, b) => pathDepth(b) - pathDepth(a));
    for (const path of deepestFirst) await this.writer.pruneFolder(path);
  }
}
