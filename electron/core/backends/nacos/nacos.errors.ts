import { AppError, type ErrorCode } from '../../../../shared/errors.js';
import type { RawResponse, TransportError } from './nacos.transport.js';

/** The first line of an answer body, short enough for a message. */
export function bodySnippet(response: RawResponse): string {
  const text = response.body.toString('utf8').trim();
  let message = text;
  try {
    const parsed = JSON.parse(text) as { message?: unknown; data?: unknown };
    if (typeof parsed.message === 'string' && parsed.message !== '') message = parsed.message;
    else if (typeof parsed.data === 'string' && parsed.data !== '') message = parsed.data;
  } catch {
    // Not JSON: Nacos answers many errors as plain text.
  }
  const line = message.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** 403 bodies that mean "who are you" rather than "you may not". */
const AUTH_BODY =
  /unknown user|user not found|token (?:expired|invalid)|invalid (?:username|token)|not login/i;

/** Whether a 403 says the token is missing, expired or unknown (worth one fresh login). */
export function isAuthRejection(response: RawResponse): boolean {
  return (
    response.status === 401 || (response.status === 403 && AUTH_BODY.test(response.body.toString('utf8')))
  );
}

const BODY_CODES: ReadonlyArray<[RegExp, ErrorCode, (what: string, why: string) => string]> = [
  [
    /over \d+|overflow|too large|exceed/i,
    'TOO_LARGE',
    (what, why) => `${what}: the config is larger than the Nacos server accepts (${why}).`,
  ],
  [
    /cas publish fail|md5 may have changed/i,
    'CONFLICT',
    (what) => `${what}: the config was changed by someone else since it was read.`,
  ],
  [
    /invalid (?:dataId|group|tenant|datumId)|content is blank|parameter|illegal|is empty/i,
    'INVALID_INPUT',
    (what, why) => `${what}: the Nacos server refused the request (${why}).`,
  ],
];

/** Maps an HTTP answer that is not a success to an AppError with a stable code. */
export function errorFromResponse(response: RawResponse, what: string): AppError {
  const why = bodySnippet(response) || `HTTP ${response.status}`;
  const { status } = response;
  if (isAuthRejection(response))
    return new AppError(
      'AUTH_FAILED',
      `${what}: Nacos did not accept the credentials of this connection (${why}).`,
    );
  if (status === 403)
    return new AppError(
      'PERMISSION_DENIED',
      `${what}: the Nacos user of this connection lacks the permission (${why}).`,
    );
  if (status === 413)
    return new AppError('TOO_LARGE', `${what}: the request is larger than the Nacos server accepts.`);
  if (status === 409)
    return new AppError('CONFLICT', `${what}: the config was changed by someone else since it was read.`);
  for (const [pattern, code, message] of BODY_CODES) {
    if (pattern.test(why)) return new AppError(code, message(what, why));
  }
  if (status === 404)
    return new AppError('NOT_FOUND', `${what}: the Nacos server has no such resource (${why}).`);
  if (status === 400)
    return new AppError('INVALID_INPUT', `${what}: the Nacos server refused the request (${why}).`);
  if (status === 503 || status === 502)
    return new AppError('UNREACHABLE', `${what}: the Nacos server is not available (${why}).`);
  return new AppError('INTERNAL', `${what} failed: Nacos answered HTTP ${status} (${why}).`);
}

/** Maps a failure below HTTP to an AppError; `servers` names what was tried. */
export function errorFromTransport(
  error: TransportError,
  what: string,
  servers: string,
  timeoutMs: number,
): AppError {
  switch (error.failure) {
    case 'connect':
      return new AppError(
        'UNREACHABLE',
        `${what}: no Nacos server answered at ${servers} (${error.message}).`,
      );
    case 'timeout':
      return new AppError('TIMEOUT', `${what}: Nacos at ${servers} did not answer within ${timeoutMs} ms.`);
    case 'aborted':
      return new AppError('CANCELLED', `${what} was cancelled.`);
    case 'tls':
      return new AppError(
        'UNREACHABLE',
        `${what}: the TLS connection to ${servers} failed (${error.message}); check the CA file or the certificate.`,
      );
    case 'too-large':
      return new AppError('TOO_LARGE', `${what}: the answer of the Nacos server is too large.`);
    case 'broken':
      return new AppError(
        'UNREACHABLE',
        `${what}: the connection to Nacos at ${servers} broke (${error.message}).`,
      );
  }
}
