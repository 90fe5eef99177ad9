// Snapshot files for tests (format: electron/core/sync/SNAPSHOT-FORMAT.md), written without the engine.

export interface SnapshotTextKey {
  path: string;
  value: string;
  encoding?: 'base64';
}

/** The text of a snapshot file holding `keys` (sorted by path here, as the format requires). */
export function snapshotText(keys: readonly SnapshotTextKey[]): string {
  const sorted = [...keys].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({
    format: 'configdeck-snapshot',
    version: 1,
    source: 'test',
    exportedAt: new Date(0).toISOString(),
    keyCount: sorted.length,
    keys: sorted,
  })}\n`;
}
