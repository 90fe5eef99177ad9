import { z } from 'zod';

/** Stable error codes: every failure that crosses the contract carries exactly one of these. */
export const ERROR_CODES = [
  'CONFLICT',
  'NOT_FOUND',
  'NODE_EXISTS',
  'NOT_EMPTY',
  'READ_ONLY',
  /** A write on a prod connection without the typed confirmation its rule asks for. */
  'CONFIRMATION_REQUIRED',
  'AUTH_FAILED',
  'PERMISSION_DENIED',
  'UNREACHABLE',
  'TIMEOUT',
  'NOT_CONNECTED',
  'TOO_LARGE',
  'INVALID_INPUT',
  'UNSUPPORTED',
  'ENCRYPTION_UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The current state of a node, attached to CONFLICT errors so the UI can show it beside the user's value. */
export const ConflictDetailsSchema = z.object({
  currentValueBase64: z.string().nullable(),
  currentToken: z.string().nullable(),
});
export type ConflictDetails = z.infer<typeof ConflictDetailsSchema>;

export const AppErrorShapeSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  conflict: ConflictDetailsSchema.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShapeSchema>;

/** A typed error with a stable code; the only kind of error the core lets out. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly conflict: ConflictDetails | undefined;

  constructor(code: ErrorCode, message: string, conflict?: ConflictDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.conflict = conflict;
  }

  toShape(): AppErrorShape {
    return this.conflict
      ? { code: this.code, message: this.message, conflict: this.conflict }
      : { code: this.code, message: this.message };
  }

  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.conflict);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
