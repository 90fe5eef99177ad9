import { isAppError } from '../../../../shared/errors.js';
import type { DiagnosticNote } from '../../../../shared/model/diagnostics.js';
import type { ConsulHttp } from './consul.http.js';
import { MetricsSummaryWireSchema } from './consul.cluster.schemas.js';
import { parseJson } from './consul.schemas.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

/** The gauge's name after the metrics prefix (`consul` unless telemetry.metrics_prefix says otherwise). */
const GAUGE = 'rpc.queries_blocking';

export type BlockingGauge =
  | { available: true; value: number; source: string; at: string | null }
  | { available: false; reason: DiagnosticNote };

const denied: DiagnosticNote = {
  message: say(CONSUL_SENTENCES, 'metricsDenied'),
  fix: 'agent_prefix "" { policy = "read" }',
};

/** The gauge from the Prometheus output, when the agent has it on (telemetry.prometheus_retention_time). */
async function fromPrometheus(http: ConsulHttp, what: string): Promise<number | null> {
  const response = await http.request({
    what,
    path: '/v1/agent/metrics',
    query: { format: 'prometheus' },
    accept: [415],
  });
  if (response.status === 415) return null;
  const line = response.body
    .toString('utf8')
    .split('\n')
    .find((text) => /^[a-z_]*rpc_queries_blocking(\{[^}]*\})? /.test(text));
  const value = line === undefined ? NaN : Number(line.slice(line.lastIndexOf(' ') + 1));
  return Number.isFinite(value) ? value : null;
}

/**
 * The number of blocking queries the agent serves (consul.rpc.queries_blocking) from /v1/agent/metrics
 * (agent:read). Consul's in-memory sink shows the last finished 10-second interval, and the gauge is set
 * when a blocking query starts on a server; when that interval has none, the Prometheus output (which
 * keeps the last value) is asked, and failing that the answer says why there is no figure.
 */
export async function blockingQueriesGauge(http: ConsulHttp): Promise<BlockingGauge> {
  const what = 'Reading the Consul agent metrics';
  try {
    const summary = parseJson(
      await http.request({ what, path: '/v1/agent/metrics' }),
      MetricsSummaryWireSchema,
      what,
    );
    const gauge = summary.Gauges.find((g) => g.Name.endsWith(`.${GAUGE}`));
    if (gauge)
      return { available: true, value: gauge.Value, source: gauge.Name, at: summary.Timestamp ?? null };
    const prometheus = await fromPrometheus(http, what);
    if (prometheus !== null)
      return { available: true, value: prometheus, source: 'consul_rpc_queries_blocking', at: null };
    return {
      available: false,
      reason: {
        message: say(CONSUL_SENTENCES, 'blockingGaugeMissing'),
        fix: 'telemetry { prometheus_retention_time = "60s" }',
      },
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'PERMISSION_DENIED') return { available: false, reason: denied };
    const message = isAppError(error) ? error.message : String(error);
    return {
      available: false,
      reason: { message: say(CONSUL_SENTENCES, 'metricsUnreadable', { reason: message }), fix: null },
    };
  }
}
