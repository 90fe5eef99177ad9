import type { TFunction } from 'i18next';
import { AppError, ErrorCodeSchema, type ErrorCode } from '../../../shared/errors.js';

/**
 * What the UI shows for a failure: a short title, the sentence, and what the user can do. `detail` is the
 * core's own sentence where the UI language is not the core's (English): it names the paths, servers and
 * counts the catalogue's sentence for the code cannot know.
 */
export interface UiError {
  code: ErrorCode;
  title: string;
  message: string;
  detail: string | null;
  hint: string | null;
}

/** Codes whose catalogue entry has a hint (what the user can do next). */
const WITH_HINT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CONFLICT',
  'NOT_FOUND',
  'NODE_EXISTS',
  'NOT_EMPTY',
  'READ_ONLY',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_CHANGED',
  'CONFIRMATION_REQUIRED',
  'AUTH_FAILED',
  'PERMISSION_DENIED',
  'UNREACHABLE',
  'TIMEOUT',
  'NOT_CONNECTED',
  'TOO_LARGE',
  'ENCRYPTION_UNAVAILABLE',
  'HOST_LOST',
]);

/** Codes raised in the window itself: their sentence is the catalogue's, with no core sentence beneath. */
const RAISED_BY_THE_WINDOW: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['HOST_LOST']);

/**
 * Maps any thrown value to the message shown to the user; unknown errors become INTERNAL. Titles, hints and
 * the per-code sentences come from the `errors` namespace; the catalogue's `coreSentence` says whether the
 * core's sentence is the message itself (English) or the detail under the translated sentence.
 */
export function describeError(error: unknown, t: TFunction<'errors'>): UiError {
  const code: ErrorCode = error instanceof AppError ? error.code : 'INTERNAL';
  const core = error instanceof Error ? error.message : String(error);
  const own = RAISED_BY_THE_WINDOW.has(code);
  const asDetail = t('coreSentence') === 'detail';
  return {
    code,
    title: t(`title.${code}`),
    message: asDetail || own ? t(`message.${code}`) : core,
    detail: asDetail && !own && core !== '' ? core : null,
    hint: WITH_HINT.has(code) ? t(`hint.${code}` as 'hint.CONFLICT') : null,
  };
}

/** One line for a failure shown inline: the message, and the core's sentence in brackets when it is a detail. */
export function errorSentence(error: unknown, t: TFunction<'errors'>): string {
  const { message, detail } = describeError(error, t);
  return detail === null ? message : t('withDetail', { message, detail });
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
