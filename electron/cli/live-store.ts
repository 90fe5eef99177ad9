import { AppError } from '../../shared/errors.js';
import type { Source, SourceStore } from '../core/sources/source.js';

/** The live store behind a source; a snapshot file has none and cannot be `what` (watched, asked). */
export function liveStore(source: Source, what: string): SourceStore {
  if (source.store === null) {
    throw new AppError(
      'UNSUPPORTED',
      `${source.label} is a snapshot file; only a live store can be ${what}.`,
    );
  }
  return source.store;
}
