import { loadSnapshotTree } from '../backends/snapshot/snapshot.session.js';
import type { SnapshotTree } from '../backends/snapshot/snapshot.tree.js';
import type { JobContext } from '../sync/job.js';
import { throwIfCancelled } from '../sync/job.js';
import { ignoreWithAncestors } from './ignore.tree.js';
import { isKeyNode } from './key.rule.js';
import type { Source, SourceKey, WalkOptions, WalkSink } from './source.js';

/** A snapshot file as a read-only source: keys come from the file (relative to its root `/`) in path order. */
export class SnapshotSource implements Source {
  readonly kind = 'snapshot' as const;
  readonly root = '/';
  readonly store = null;

  constructor(
    readonly label: string,
    readonly tree: SnapshotTree,
  ) {}

  /** Reads and checks the file; INVALID_INPUT in one sentence when it is missing or not a snapshot. */
  static async open(file: string, label = `file:${file}`): Promise<SnapshotSource> {
    return new SnapshotSource(label, await loadSnapshotTree(file));
  }

  async walk(options: WalkOptions, sink: WalkSink, job: JobContext = {}): Promise<void> {
    const ignored = ignoreWithAncestors(options.ignore);
    let count = 0;
    for (const key of this.tree.snapshot.keys) {
      if ((++count & 0x3ff) === 0) throwIfCancelled(job.signal);
      if (ignored(key.path)) continue;
      if (!this.isKey(key.path)) {
        sink.folder(key.path);
        continue;
      }
      sink.key({
        path: key.path,
        value: key.value,
        token: null,
        ephemeral: false,
        meta: options.withMetadata && key.meta !== null ? { fields: key.meta, acls: key.acls } : null,
      });
    }
    for (const folder of this.tree.folders()) if (!ignored(folder)) sink.folder(folder);
  }

  async read(path: string): Promise<SourceKey | null> {
    const key = this.tree.node(path)?.key ?? null;
    if (key === null || !this.isKey(path)) return null;
    return {
      path,
      value: key.value,
      token: null,
      ephemeral: false,
      meta: key.meta === null ? null : { fields: key.meta, acls: key.acls },
    };
  }

  async close(): Promise<void> {}

  /** The same key rule as for stores: an empty value on a node with children is a folder. */
  private isKey(path: string): boolean {
    const node = this.tree.node(path);
    return node?.key != null && isKeyNode(true, node.key.value.length, node.children.length);
  }
}
