import { AppError, ErrorCodeSchema, type ErrorCode } from '../../../shared/errors.js';

/** What the UI shows for a failure: a short title, the core's sentence, and what the user can do. */
export interface UiError {
  code: ErrorCode;
  title: string;
  message: string;
  hint: string | null;
}

const TITLES: Record<ErrorCode, string> = {
  CONFLICT: 'Changed on the server',
  NOT_FOUND: 'Not found',
  NODE_EXISTS: 'Already exists',
  NOT_EMPTY: 'Node has children',
  READ_ONLY: 'Read-only connection',
  CONFIRMATION_REQUIRED: 'Confirmation required',
  AUTH_FAILED: 'Authentication failed',
  PERMISSION_DENIED: 'Permission denied',
  UNREACHABLE: 'Server unreachable',
  TIMEOUT: 'Timed out',
  NOT_CONNECTED: 'Not connected',
  TOO_LARGE: 'Too large',
  INVALID_INPUT: 'Invalid input',
  UNSUPPORTED: 'Not supported',
  ENCRYPTION_UNAVAILABLE: 'Secrets cannot be stored',
  HOST_KEY_UNKNOWN: 'Unknown SSH host key',
  HOST_KEY_CHANGED: 'SSH host key changed',
  CANCELLED: 'Cancelled',
  INTERNAL: 'Unexpected error',
};

const HINTS: Partial<Record<ErrorCode, string>> = {
  CONFLICT: 'Nothing was overwritten. Compare with the server value, then save again.',
  NOT_FOUND: 'It may have been deleted by someone else. Refresh the tree.',
  NODE_EXISTS: 'Pick another name, or open the existing node.',
  NOT_EMPTY: 'Delete its children first, or delete recursively.',
  READ_ONLY: 'This connection is marked read-only; nothing was changed.',
  HOST_KEY_UNKNOWN: 'Compare the fingerprint with the one the jump host administrator gives, then trust it.',
  HOST_KEY_CHANGED:
    'Nothing was sent. The host may have been reinstalled, or someone is in between: ask its administrator before trusting the new key.',
  CONFIRMATION_REQUIRED: 'Nothing was written. Production writes need the confirmation typed exactly.',
  // TLS stores also refuse a client certificate with AUTH_FAILED: name every credential a profile has.
  AUTH_FAILED:
    'Check the credentials of the connection: username and password, token, or TLS client certificate.',
  PERMISSION_DENIED: 'The server refused this for the configured user (ACL).',
  UNREACHABLE: 'Check the endpoints and that the server is running.',
  TIMEOUT: 'The server did not answer in time. Try again.',
  NOT_CONNECTED: 'Connect again from the connection list.',
  TOO_LARGE: 'The value is larger than the server accepts.',
  ENCRYPTION_UNAVAILABLE: 'Save the profile without a password, or fix secret storage on this machine.',
};

/** Maps any thrown value to the message shown to the user; unknown errors become INTERNAL. */
export function describeError(error: unknown): UiError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      title: TITLES[error.code],
      message: error.message,
      hint: HINTS[error.code] ?? null,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', title: TITLES.INTERNAL, message, hint: null };
}

/** True when the error is an AppError with the given code. */
export function hasCode(error: unknown, code: ErrorCode): error is AppError {
  return error instanceof AppError && error.code === code;
}

/**
 * The error a report carries as plain code and sentence (a failed search's progress): an AppError with
 * that code, or INTERNAL when the code is not one the app knows.
 */
export function errorOfReport(report: { code: string; message: string }): AppError {
  const parsed = ErrorCodeSchema.safeParse(report.code);
  return new AppError(parsed.success ? parsed.data : 'INTERNAL', report.message);
}
