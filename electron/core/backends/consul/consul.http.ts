import http from 'node:http';
import https from 'node:https';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { ConsulEndpoint } from './consul.endpoints.js';
import { isConnectFailure, networkError, statusError } from './consul.errors.js';
import { isStaleSocket, sendOnce, type ConsulResponse } from './consul.transport.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface ConsulRequest {
  /** Names the call in error messages ("Reading /a/b"). */
  what: string;
  method?: 'GET' | 'PUT' | 'DELETE';
  /** The path with every key segment already URL-encoded, e.g. `/v1/kv/a/b%20c`. */
  path: string;
  /** `true` adds a bare flag (`?keys`); false, null and undefined are left out. */
  query?: Record<string, QueryValue>;
  body?: Buffer | string;
  /** The datacenter to ask (`?dc=`); undefined means the session's own; null sends none. */
  datacenter?: string | null;
  /** Overrides the session deadline (blocking queries wait longer). */
  timeoutMs?: number;
  /** Aborts the request (a watch being stopped): rejects with CANCELLED. */
  signal?: AbortSignal;
  /** HTTP statuses handed back to the caller instead of thrown (404 missing key, 409 rolled-back txn). */
  accept?: readonly number[];
}

/** Told about every request outcome, so the session can derive its connection state. */
export interface Reachability {
  reachable(): void;
  unreachable(message: string): void;
}

export interface ConsulHttpOptions {
  endpoints: ConsulEndpoint[];
  tls: https.AgentOptions;
  /** The ACL token (X-Consul-Token); never logged, never part of a message. */
  token: string | null;
  datacenter: string | null;
  timeoutMs: number;
}

/**
 * Sockets open at once for ordinary requests. Consul refuses a client more than 200 connections
 * (http_max_conns_per_client, answering 429), and a diff or sync of a large tree issues many reads in
 * parallel: past this many they queue here instead. Blocking queries (watches) hold their socket for
 * minutes, so they have sockets of their own and never starve ordinary requests.
 */
const MAX_SOCKETS = 64;

interface AgentPair {
  http: http.Agent;
  https: https.Agent;
}

function agentPair(tls: https.AgentOptions, maxSockets: number): AgentPair {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets, ...tls }),
  };
}

/**
 * The HTTP client of one Consul connection: keep-alive sockets, the ACL token header, the profile's
 * datacenter, a deadline on every call (never a hang), the next endpoint tried when one cannot be
 * reached, and every failure mapped to an AppError.
 */
export class ConsulHttp {
  private current = 0;
  private closed = false;
  private readonly ordinary: AgentPair;
  private readonly blocking: AgentPair;
  /** Set once by the session that owns this client: it derives the connection state from outcomes. */
  reachability: Reachability | null = null;

  constructor(private readonly options: ConsulHttpOptions) {
    this.ordinary = agentPair(options.tls, MAX_SOCKETS);
    this.blocking = agentPair(options.tls, Infinity);
  }

  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** The endpoint answering now, for messages. */
  get endpoint(): string {
    return this.options.endpoints[this.current]!.hostPort;
  }

  /** Sends one request, trying the endpoints in order while they cannot be reached. */
  async request(request: ConsulRequest): Promise<ConsulResponse> {
    if (this.closed) throw new AppError('NOT_CONNECTED', `${request.what}: the Consul connection is closed.`);
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
    const endpoints = this.options.endpoints;
    let lastError: AppError | null = null;
    const get = (request.method ?? 'GET') === 'GET';
    // A blocking query always names how long to wait (consul.blocking.ts).
    const agents = request.query?.['wait'] ? this.blocking : this.ordinary;
    let staleSocketRetried = false;
    for (let attempt = 0; attempt < endpoints.length; attempt++) {
      const index = (this.current + attempt) % endpoints.length;
      const endpoint = endpoints[index]!;
      try {
        const response = await sendOnce({
          endpoint,
          agent: endpoint.secure ? agents.https : agents.http,
          method: request.method ?? 'GET',
          target: this.target(request),
          token: this.options.token,
          body: request.body,
          signal,
          what: request.what,
        });
        this.current = index;
        this.reachability?.reachable();
        return this.check(response, request);
      } catch (error) {
        if (request.signal?.aborted) throw new AppError('CANCELLED', `${request.what} was cancelled.`);
        if (deadline.aborted) {
          lastError = new AppError(
            'TIMEOUT',
            `${request.what}: Consul did not answer within ${timeoutMs} ms.`,
          );
          break;
        }
        if (isAppError(error)) throw error;
        if (get && !staleSocketRetried && isStaleSocket(error)) {
          // The agent closed an idle keep-alive socket as we reused it: the same agent again, once.
          staleSocketRetried = true;
          attempt--;
          continue;
        }
        lastError = networkError(error, request.what, endpoint.hostPort);
        // A write may only move on when it never reached the agent; a read may always retry.
        const retry = get ? lastError.code === 'UNREACHABLE' : isConnectFailure(error);
        if (!retry) break;
      }
    }
    const failure = lastError ?? new AppError('UNREACHABLE', `${request.what}: no Consul endpoint answered.`);
    if (failure.code === 'UNREACHABLE' || failure.code === 'TIMEOUT')
      this.reachability?.unreachable(failure.message);
    throw failure;
  }

  /** Closes the keep-alive sockets. */
  close(): void {
    this.closed = true;
    for (const pair of [this.ordinary, this.blocking]) {
      pair.http.destroy();
      pair.https.destroy();
    }
  }

  private check(response: ConsulResponse, request: ConsulRequest): ConsulResponse {
    if (response.status >= 200 && response.status < 300) return response;
    if (request.accept?.includes(response.status)) return response;
    throw statusError(response.status, response.body.toString('utf8'), request.what);
  }

  private target(request: ConsulRequest): string {
    const params = new URLSearchParams();
    const datacenter = request.datacenter === undefined ? this.options.datacenter : request.datacenter;
    if (datacenter) params.set('dc', datacenter);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value === true) params.set(name, '');
      else if (value !== false && value !== null && value !== undefined) params.set(name, String(value));
    }
    // Consul reads `?keys=` and `?keys` alike; the bare form keeps URLs readable.
    const query = params.toString().replace(/=(&|$)/g, '$1');
    return query ? `${request.path}?${query}` : request.path;
  }
}
