import { AppError } from '../../../shared/errors.js';
import type { Source, SourceStore } from '../sources/source.js';

/**
 * The target's store when a sync may write to it: a snapshot file and a read-only connection are refused
 * (READ_ONLY) before anything is read or written, and a prod connection needs its name typed back as
 * `confirmation` (the CLI's --yes passes it).
 */
export function writableTarget(target: Source, confirmation: string | null): SourceStore {
  if (target.store === null) {
    throw new AppError(
      'READ_ONLY',
      `${target.label} is a snapshot file and cannot be written to; import it into a connection instead.`,
    );
  }
  const { profile } = target.store;
  if (profile.readOnly) {
    throw new AppError('READ_ONLY', `The connection "${profile.name}" is read-only: nothing was written.`);
  }
  if (profile.environment === 'prod' && confirmation !== profile.name) {
    throw new AppError(
      'INVALID_INPUT',
      `The target "${profile.name}" is a prod connection: confirm the sync by typing its name (in the CLI, add --yes).`,
    );
  }
  return target.store;
}
