import http from 'node:http';
import https from 'node:https';
import { AppError } from '../../../../shared/errors.js';
import type { ConsulEndpoint } from './consul.endpoints.js';

/** Answers larger than this are refused rather than buffered (a KV listing of millions of keys). */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

export interface ConsulResponse {
  status: number;
  body: Buffer;
  /** X-Consul-Index, the blocking-query index of the answer. */
  index: string | null;
  /** X-Consul-Results-Filtered-By-ACLs: the ACL token hid some of the results (a list is then partial). */
  filteredByAcls: boolean;
}

/** One HTTP exchange with one agent. */
export interface Exchange {
  endpoint: ConsulEndpoint;
  agent: http.Agent;
  method: 'GET' | 'PUT' | 'DELETE';
  /** Path and query string. */
  target: string;
  /** The ACL token (X-Consul-Token); never part of a message. */
  token: string | null;
  body: Buffer | string | undefined;
  signal: AbortSignal;
  what: string;
}

type StaleSocketError = Error & { reusedSocket?: boolean };

/** A reset on a kept-alive socket: the agent closed it while idle, so the request never arrived. */
export function isStaleSocket(error: unknown): boolean {
  return (
    (error as StaleSocketError).reusedSocket === true &&
    (error as NodeJS.ErrnoException).code === 'ECONNRESET'
  );
}

/** Sends one request and buffers the answer; rejects with the raw socket/TLS error on failure. */
export function sendOnce(exchange: Exchange): Promise<ConsulResponse> {
  const body = exchange.body === undefined ? undefined : Buffer.from(exchange.body);
  const headers: http.OutgoingHttpHeaders = { 'User-Agent': 'ConfigDeck' };
  if (exchange.token) headers['X-Consul-Token'] = exchange.token;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    headers['Content-Length'] = body.length;
  }
  const transport = exchange.endpoint.secure ? https : http;
  return new Promise<ConsulResponse>((resolve, reject) => {
    const outgoing = transport.request(
      {
        host: exchange.endpoint.host,
        port: exchange.endpoint.port,
        method: exchange.method,
        path: exchange.target,
        headers,
        agent: exchange.agent,
        signal: exchange.signal,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) return void chunks.push(chunk);
          incoming.destroy();
          reject(new AppError('TOO_LARGE', `${exchange.what}: the answer of Consul exceeds 256 MiB.`));
        });
        incoming.on('end', () => {
          const index = incoming.headers['x-consul-index'];
          resolve({
            status: incoming.statusCode ?? 0,
            body: Buffer.concat(chunks),
            index: typeof index === 'string' && /^\d+$/.test(index) ? index : null,
            filteredByAcls: incoming.headers['x-consul-results-filtered-by-acls'] === 'true',
          });
        });
        incoming.on('error', reject);
        incoming.on('close', () => {
          if (!incoming.complete) reject(new Error('socket hang up'));
        });
      },
    );
    outgoing.on('error', (error: Error) => {
      if (outgoing.reusedSocket) (error as StaleSocketError).reusedSocket = true;
      reject(error);
    });
    outgoing.end(body);
  });
}
