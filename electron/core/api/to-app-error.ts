import { AppError } from '../../../shared/errors.js';

/** Turns anything thrown below the contract into an AppError; unknown failures become INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', `Unexpected failure: ${message}`);
}
