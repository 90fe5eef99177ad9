import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { z } from 'zod';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { NacosTokenHolder } from './nacos.auth.js';
import type { NacosServerAddress } from './nacos.endpoints.js';
import { errorFromResponse, errorFromTransport, isAuthRejection } from './nacos.errors.js';
import type { DerivedConnectionState } from '../derived-connection.state.js';
import { send, TransportError, type RawResponse } from './nacos.transport.js';

type Params = Record<string, string | number | boolean | null | undefined>;

/** One call of the Nacos HTTP API. */
export interface NacosCall {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below the context path (`/v1/cs/configs`), or from the server root when `outsideContext`. */
  path: string;
  query?: Params;
  /** Sent as an `application/x-www-form-urlencoded` body. */
  form?: Params;
  headers?: Record<string, string>;
  /** Names the call in error messages: "Reading /public/DEFAULT_GROUP/app.yaml". */
  what: string;
  /** Overrides the session deadline (long polling). */
  timeoutMs?: number;
  signal?: AbortSignal;
  outsideContext?: boolean;
  /** Sends no token: the login itself and probes before it. */
  anonymous?: boolean;
  /**
   * Asks only this server of the profile (an index into `servers`), for a per-member health check: no
   * failover, and its reachability is not the connection's (one member down is not the session down).
   */
  server?: number;
}

export interface NacosHttpOptions {
  servers: NacosServerAddress[];
  contextPath: string;
  timeoutMs: number;
  agent: HttpAgent | HttpsAgent;
  state: DerivedConnectionState;
}

function encode(params: Params | undefined): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null) out.set(key, String(value));
  }
  return out;
}

/**
 * The typed HTTP layer of a session: every call carries the session deadline, tries the servers in
 * order on connection failures (starting with the one that answered last), sends the access token,
 * logs in again once when the server rejects the token, and reports reachability to the state.
 */
export class NacosHttp {
  readonly label: string;
  private preferred = 0;
  private tokens: NacosTokenHolder | null = null;

  constructor(private readonly options: NacosHttpOptions) {
    this.label = options.servers.map((s) => s.label).join(', ');
  }

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** The profile's servers as `host:port`, in order (what `NacosCall.server` indexes). */
  get servers(): string[] {
    return this.options.servers.map((s) => s.label);
  }

  /** Whether calls carry a token (the profile has a user). */
  get authenticated(): boolean {
    return this.tokens !== null;
  }

  /** Attaches the token holder: from then on every non-anonymous call carries the token. */
  useTokens(tokens: NacosTokenHolder): void {
    this.tokens = tokens;
  }

  /** Sends the call and returns the answer whatever its status; rejects only when no server answered. */
  async request(call: NacosCall): Promise<RawResponse> {
    const timeoutMs = call.timeoutMs ?? this.options.timeoutMs;
    const deadline = Date.now() + timeoutMs;
    try {
      let response = await this.attempt(call, deadline, timeoutMs);
      if (this.tokens !== null && !call.anonymous && isAuthRejection(response)) {
        // The token may have been dropped by a server restart: one fresh login, then the verdict stands.
        await this.tokens.refresh();
        response = await this.attempt(call, deadline, timeoutMs);
      }
      if (call.server === undefined) this.options.state.reachable();
      return response;
    } catch (error) {
      const appError = isAppError(error)
        ? error
        : new AppError('INTERNAL', `${call.what} failed: ${String(error)}`);
      if (call.server === undefined && (appError.code === 'UNREACHABLE' || appError.code === 'TIMEOUT'))
        this.options.state.unreachable(appError.message);
      throw appError;
    }
  }

  /** Sends the call; a status other than 2xx becomes an AppError. */
  async ok(call: NacosCall): Promise<RawResponse> {
    const response = await this.request(call);
    if (response.status < 200 || response.status > 299) throw errorFromResponse(response, call.what);
    return response;
  }

  /** Sends the call and returns its body as text. */
  async text(call: NacosCall): Promise<string> {
    return (await this.ok(call)).body.toString('utf8');
  }

  /** Sends the call and validates its JSON answer; an unexpected shape is INTERNAL, not a crash later. */
  async json<T>(call: NacosCall, schema: z.ZodType<T>): Promise<T> {
    return parseJson((await this.ok(call)).body, schema, call.what);
  }

  private url(call: NacosCall, server: NacosServerAddress): URL {
    const prefix = call.outsideContext
      ? ''
      : this.options.contextPath === '/'
        ? ''
        : this.options.contextPath;
    const url = new URL(server.origin + prefix + call.path);
    url.search = encode(call.query).toString();
    return url;
  }

  private async headers(call: NacosCall): Promise<Record<string, string>> {
    const headers: Record<string, string> = { accept: 'application/json, text/plain, */*', ...call.headers };
    if (this.tokens !== null && !call.anonymous) {
      const token = await this.tokens.token();
      headers['authorization'] = `Bearer ${token}`;
      headers['accesstoken'] = token;
    }
    return headers;
  }

  /** Tries the servers in order, from the preferred one, until one answers. */
  private async attempt(call: NacosCall, deadline: number, timeoutMs: number): Promise<RawResponse> {
    const headers = await this.headers(call);
    const body = call.form === undefined ? null : encode(call.form).toString();
    const servers = call.server === undefined ? this.options.servers : [this.options.servers[call.server]!];
    let lastFailure: TransportError | null = null;
    for (let tried = 0; tried < servers.length; tried++) {
      const index = call.server ?? (this.preferred + tried) % servers.length;
      const server = this.options.servers[index]!;
      const left = deadline - Date.now();
      if (left <= 0) break;
      // Leave time for the servers not yet tried: a silent host must not eat the whole deadline.
      const connectTimeoutMs = Math.max(500, Math.floor(left / (servers.length - tried)));
      const request = {
        method: call.method ?? 'GET',
        url: this.url(call, server),
        headers,
        body,
        timeoutMs: left,
        connectTimeoutMs,
        agent: this.options.agent,
        ...(call.signal ? { signal: call.signal } : {}),
      };
      try {
        const response = await send(request).catch((error: unknown) => {
          // A pooled keep-alive socket the server closed meanwhile: an idempotent call goes once more.
          if (error instanceof TransportError && error.failure === 'broken' && request.method === 'GET')
            return send({ ...request, timeoutMs: Math.max(1, deadline - Date.now()) });
          throw error;
        });
        if (call.server === undefined) this.preferred = index;
        return response;
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (error.failure !== 'connect') throw errorFromTransport(error, call.what, server.label, timeoutMs);
        lastFailure = error;
      }
    }
    if (lastFailure === null) lastFailure = new TransportError('timeout', 'No answer in time.');
    const label = call.server === undefined ? this.label : servers[0]!.label;
    throw errorFromTransport(lastFailure, call.what, label, timeoutMs);
  }
}

/** Parses and validates a JSON body. */
export function parseJson<T>(body: Buffer, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('INTERNAL', `${what}: the Nacos server did not answer with JSON.`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'answer'}: ${issue.message}` : 'unexpected shape';
    throw new AppError('INTERNAL', `${what}: the Nacos server answered in an unexpected shape (${where}).`);
  }
  return parsed.data;
}
