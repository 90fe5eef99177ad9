import { SnapshotTree } from '../../../../electron/core/backends/snapshot/snapshot.tree.js';
import { comparePaths } from '../../../../electron/core/sync/path.order.js';
import { SnapshotSource } from '../../../../electron/core/sources/snapshot.source.js';

/** A snapshot source held in memory: path → value (text, or bytes). */
export function snapshotSource(label: string, keys: Record<string, string | Buffer>): SnapshotSource {
  const entries = Object.entries(keys).map(([path, value]) => ({
    path,
    value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
    meta: null,
    acls: null,
  }));
  entries.sort((a, b) => comparePaths(a.path, b.path));
  return new SnapshotSource(label, new SnapshotTree({ source: label, exportedAt: 't', keys: entries }));
}
