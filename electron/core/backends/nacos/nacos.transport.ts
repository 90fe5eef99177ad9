import { request as httpRequest, type Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';

/** One HTTP exchange; node:http rather than fetch because fetch cannot take a private CA or a client certificate. */
export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  /** Form-encoded body, or null. */
  body: string | null;
  /** The whole exchange must finish within this. */
  timeoutMs: number;
  /** The TCP (and TLS) connection must be up within this; a dead server fails over early. */
  connectTimeoutMs: number;
  agent: HttpAgent | HttpsAgent;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Why an exchange failed before a response arrived. */
export type TransportFailure = 'connect' | 'timeout' | 'aborted' | 'tls' | 'too-large' | 'broken';

/** A failure below HTTP: no status, only what went wrong. */
export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Answers above this are refused: a Nacos value is at most a few MiB and list pages are bounded. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function classify(error: NodeJS.ErrnoException, connected: boolean): TransportError {
  const code = error.code ?? '';
  if (CONNECT_CODES.has(code)) return new TransportError('connect', `${code}: ${error.message}`);
  if (/CERT|SSL|TLS|self.signed|unable to verify/i.test(`${code} ${error.message}`))
    return new TransportError('tls', error.message);
  return new TransportError(
    connected ? 'broken' : 'connect',
    code ? `${code}: ${error.message}` : error.message,
  );
}

/** Sends one request and reads the whole answer; rejects with a TransportError, never hangs past the timeout. */
export function send(req: RawRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const body = req.body === null ? null : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { ...req.headers };
    if (body !== null) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
      headers['content-length'] = String(body.length);
    }
    const make = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    let connected = false;
    const finish = (error: TransportError | null, response?: RawResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(connectDeadline);
      req.signal?.removeEventListener('abort', onAbort);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else resolve(response!);
    };
    const outgoing = make(req.url, { method: req.method, headers, agent: req.agent }, (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES)
          finish(new TransportError('too-large', 'The answer is larger than ConfigDeck accepts.'));
        else chunks.push(chunk);
      });
      incoming.on('end', () =>
        finish(null, {
          status: incoming.statusCode ?? 0,
          headers: incoming.headers,
          body: Buffer.concat(chunks),
        }),
      );
      incoming.on('error', (error) => finish(classify(error, true)));
    });
    const onAbort = (): void => finish(new TransportError('aborted', 'The request was cancelled.'));
    const deadline = setTimeout(
      () => finish(new TransportError(connected ? 'timeout' : 'connect', 'No answer in time.')),
      req.timeoutMs,
    );
    const connectDeadline = setTimeout(() => {
      if (!connected) finish(new TransportError('connect', 'The connection was not established in time.'));
    }, req.connectTimeoutMs);
    outgoing.on('socket', (socket) => {
      // A pooled keep-alive socket is already connected.
      if (!socket.connecting) connected = true;
      else socket.once(req.url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish(classify(error, connected)));
    if (req.signal?.aborted) return onAbort();
    req.signal?.addEventListener('abort', onAbort);
    outgoing.end(body ?? undefined);
  });
}
