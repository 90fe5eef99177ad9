import { AppError, isAppError, type ErrorCode } from '../../../../shared/errors.js';

/** Socket-level failures that mean "this agent cannot be reached" (another endpoint may do). */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

const TLS_VERIFY_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS_CERT_ALTNAME_INVALID/;

function shorten(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** True when the request never reached an agent, so trying the next endpoint is safe even for writes. */
export function isConnectFailure(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    code === 'ENOTFOUND' ||
    code === 'EAI_AGAIN'
  );
}

/** Maps a socket or TLS failure of a request to `endpoint` to an AppError. */
export function networkError(error: unknown, what: string, endpoint: string): AppError {
  if (isAppError(error)) return error;
  const cause = error instanceof Error ? error : new Error(String(error));
  const code = (cause as NodeJS.ErrnoException).code ?? '';
  let appError: AppError;
  if (
    /ALERT/.test(code) ||
    /alert (bad certificate|certificate required|handshake failure|unknown ca)|alert number (4[0-9]|116)/i.test(
      cause.message,
    )
  ) {
    // The agent refused our certificate (or its absence): an alert sent by the server.
    appError = new AppError(
      'AUTH_FAILED',
      `${what}: the Consul agent at ${endpoint} rejected the TLS client certificate (or the lack of one).`,
    );
  } else if (TLS_VERIFY_CODES.test(code)) {
    appError = new AppError(
      'UNREACHABLE',
      `${what}: the TLS certificate of the Consul agent at ${endpoint} could not be verified (${shorten(cause.message)}).`,
    );
  } else if (/wrong version number|packet length too long|EPROTO/i.test(`${code} ${cause.message}`)) {
    appError = new AppError(
      'UNREACHABLE',
      `${what}: ${endpoint} did not answer over TLS; use http:// for an agent without TLS.`,
    );
  } else if (UNREACHABLE_CODES.has(code) || /socket hang up/i.test(cause.message)) {
    appError = new AppError(
      'UNREACHABLE',
      `${what}: the Consul agent at ${endpoint} is unreachable (${shorten(cause.message)}).`,
    );
  } else {
    appError = new AppError('INTERNAL', `${what} failed: ${shorten(cause.message)}`);
  }
  appError.cause = cause;
  return appError;
}

function statusCode(status: number, body: string): ErrorCode {
  if (status === 403)
    return /ACL not found|token not found/i.test(body) ? 'AUTH_FAILED' : 'PERMISSION_DENIED';
  if (status === 401) return 'AUTH_FAILED';
  if (status === 413 || /too large/i.test(body)) return 'TOO_LARGE';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405 || status === 501) return 'UNSUPPORTED';
  if (status === 400) return 'INVALID_INPUT';
  if (/no path to datacenter/i.test(body)) return 'INVALID_INPUT';
  if (
    status === 429 ||
    status === 502 ||
    status === 503 ||
    status === 504 ||
    /no cluster leader/i.test(body)
  ) {
    return 'UNREACHABLE';
  }
  return 'INTERNAL';
}

/** Maps an HTTP error answer of the agent to an AppError (the body is Consul's one-line reason). */
export function statusError(status: number, body: string, what: string): AppError {
  const reason = shorten(body) || `HTTP ${status}`;
  const code = statusCode(status, body);
  const messages: Partial<Record<ErrorCode, string>> = {
    AUTH_FAILED: `${what}: Consul rejected the ACL token of this connection (${reason}).`,
    PERMISSION_DENIED: `${what}: the ACL token of this connection lacks the permission (${reason}).`,
    TOO_LARGE: `${what}: the value is larger than the Consul agent accepts (by default 512 KiB per value; ${reason}).`,
    UNREACHABLE: `${what}: Consul cannot serve the request right now (${reason}).`,
    INVALID_INPUT: /no path to datacenter/i.test(body)
      ? `${what}: the datacenter is unknown to this Consul agent (${reason}).`
      : `${what}: Consul refused the request (${reason}).`,
  };
  return new AppError(code, messages[code] ?? `${what} failed: Consul answered HTTP ${status} (${reason}).`);
}
