import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { IOptions } from 'etcd3';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** The watch gauges etcd exports on /metrics (debugging metrics, present in 3.3 to 3.5). */
export const WATCH_GAUGES = {
  watchers: 'etcd_debugging_mvcc_watcher_total',
  watchStreams: 'etcd_debugging_mvcc_watch_stream_total',
  slowWatchers: 'etcd_debugging_mvcc_slow_watcher_total',
} as const;

export type WatchGauges = Record<keyof typeof WATCH_GAUGES, number | null>;

/** /metrics is large (about 100 KiB); refuse anything far beyond. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The sum of a metric's samples in Prometheus text (every label set), or null when it is absent. */
export function metricValue(text: string, name: string): number | null {
  let sum: number | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^(\S+?)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match?.[1] !== name) continue;
    const value = Number(match[3]);
    if (Number.isFinite(value)) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** The watch gauges of one /metrics text. */
export function watchGauges(text: string): WatchGauges {
  return {
    watchers: metricValue(text, WATCH_GAUGES.watchers),
    watchStreams: metricValue(text, WATCH_GAUGES.watchStreams),
    slowWatchers: metricValue(text, WATCH_GAUGES.slowWatchers),
  };
}

/** A failed GET, with the reason the socket gave. */
function failed(url: URL, error: Error): Error {
  return new Error(say(ETCD_SENTENCES, 'metricsFailed', { url: url.href, reason: error.message }));
}

/**
 * GETs `${clientUrl}/metrics` (https with the session's CA and client certificate when it has them) and
 * resolves with the text; rejects with one sentence on a refused connection, a non-200 answer or a timeout.
 */
export function fetchMetrics(
  clientUrl: string,
  credentials: IOptions['credentials'],
  timeoutMs: number,
): Promise<string> {
  const url = new URL('/metrics', clientUrl);
  const secure = url.protocol === 'https:';
  const tls =
    secure && credentials
      ? { ca: credentials.rootCertificate, cert: credentials.certChain, key: credentials.privateKey }
      : {};
  return new Promise((resolve, reject) => {
    const send = secure ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', timeout: timeoutMs, ...tls }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(
          new Error(
            say(ETCD_SENTENCES, 'metricsStatus', { url: url.href, status: response.statusCode ?? 0 }),
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES)
          req.destroy(new Error(say(ETCD_SENTENCES, 'metricsTooLarge', { bytes: MAX_BODY_BYTES })));
        else chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', (error) => reject(failed(url, error)));
    });
    req.on('timeout', () => req.destroy(new Error(say(ETCD_SENTENCES, 'metricsTimeout', { ms: timeoutMs }))));
    req.on('error', (error) => reject(failed(url, error)));
    req.end();
  });
}
