import type { Source } from '../sources/source.js';
import type { DiffOptions, KeyFacts } from './diff.types.js';
import { portableMeta } from './diff.metadata.js';
import type { SideProgress } from './job.js';
import { comparisonHash, hashBytes } from './value.hash.js';

/** One side of a diff as the engine keeps it: paths with hashes, and the folder paths. */
export interface SideIndex {
  keys: Map<string, KeyFacts>;
  folders: string[];
}

/** Walks a source and keeps, per key, only its hashes, size and token (values are dropped at once). */
export async function collectSide(
  source: Source,
  options: DiffOptions,
  ignore: (path: string) => boolean,
  progress: SideProgress,
  onProgress: () => void,
  signal?: AbortSignal,
): Promise<SideIndex> {
  const keys = new Map<string, KeyFacts>();
  const folders: string[] = [];
  await source.walk(
    { skipEphemeral: options.skipEphemeral, withMetadata: options.compareMetadata, ignore },
    {
      key(key) {
        const hash = hashBytes(key.value);
        keys.set(key.path, {
          hash,
          cmp: options.normalize === null ? hash : comparisonHash(key.value, hash, options.normalize),
          size: key.value.length,
          token: key.token,
          meta: options.compareMetadata ? portableMeta(key.meta) : null,
        });
        progress.keys += 1;
        onProgress();
      },
      folder(path) {
        folders.push(path);
        progress.folders += 1;
        onProgress();
      },
    },
    { ...(signal ? { signal } : {}) },
  );
  return { keys, folders };
}
