import { AppError } from '../../../shared/errors.js';
import { serializeSnapshot, type SnapshotKey } from '../backends/snapshot/snapshot.format.js';
import type { Source } from '../sources/source.js';
import { writeTextFileAtomic } from '../storage/json-file.js';
import { compileIgnore } from './ignore.glob.js';
import { throttled, throwIfCancelled, type JobContext } from './job.js';

export interface ExportOptions {
  /** Keep each key's metadata rows and ACLs (they change on every write, so such files diff noisily). */
  withMetadata: boolean;
  ignore: string[];
  skipEphemeral: boolean;
  /** What the file names as its source (default: the source's label). */
  label?: string;
  /** The export time written into the file (default: now). */
  exportedAt?: string;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { withMetadata: false, ignore: [], skipEphemeral: true };

/** Reads every key below the source root into snapshot text (see SNAPSHOT-FORMAT.md). */
export async function exportSnapshot(
  source: Source,
  options: Partial<ExportOptions> = {},
  job: JobContext = {},
): Promise<{ text: string; keys: number }> {
  const settings = { ...DEFAULT_EXPORT_OPTIONS, ...options };
  const keys: SnapshotKey[] = [];
  const report = throttled(job.onProgress);
  await source.walk(
    {
      skipEphemeral: settings.skipEphemeral,
      withMetadata: settings.withMetadata,
      ignore: compileIgnore(settings.ignore),
    },
    {
      key(key) {
        keys.push({
          path: key.path,
          value: key.value,
          meta: settings.withMetadata ? (key.meta?.fields ?? {}) : null,
          acls: settings.withMetadata ? (key.meta?.acls ?? null) : null,
        });
        report.push({ phase: 'export', done: keys.length, total: null });
      },
      folder() {},
    },
    job,
  );
  throwIfCancelled(job.signal);
  report.flush({ phase: 'export', done: keys.length, total: keys.length });
  const text = serializeSnapshot({
    source: settings.label ?? source.label,
    exportedAt: settings.exportedAt ?? new Date().toISOString(),
    keys,
  });
  return { text, keys: keys.length };
}

/** Writes a snapshot so readers see the old file or the new one, never half of it. */
export async function writeSnapshotFile(file: string, text: string): Promise<void> {
  try {
    await writeTextFileAtomic(file, text, { mode: 0o644 });
  } catch (error) {
    const detail =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new AppError('INVALID_INPUT', `Cannot write the snapshot to ${file} (${detail}).`);
  }
}
