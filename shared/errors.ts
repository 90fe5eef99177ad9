import { z } from 'zod';
import { HostKeyDetailsSchema, type HostKeyDetails } from './model/ssh.js';

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
  /** An SSH host presented a key nothing trusts yet: the details give its fingerprint to trust. */
  'HOST_KEY_UNKNOWN',
  /** An SSH host presented another key than the trusted one: refused, never accepted silently. */
  'HOST_KEY_CHANGED',
  'CANCELLED',
  /**
   * Browser mode lost its link to the ConfigDeck host while a call was in flight: the call may or may not
   * have been carried out. Raised by the renderer's transport, never by the core.
   */
  'HOST_LOST',
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
  hostKey: HostKeyDetailsSchema.optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShapeSchema>;

/** A typed error with a stable code; the only kind of error the core lets out. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly conflict: ConflictDetails | undefined;
  /** The presented and trusted host keys of a HOST_KEY_UNKNOWN or HOST_KEY_CHANGED refusal. */
  readonly hostKey: HostKeyDetails | undefined;

  constructor(code: ErrorCode, message: string, conflict?: ConflictDetails, hostKey?: HostKeyDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.conflict = conflict;
    this.hostKey = hostKey;
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.conflict ? { conflict: this.conflict } : {}),
      ...(this.hostKey ? { hostKey: this.hostKey } : {}),
    };
  }

  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.conflict, shape.hostKey);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
