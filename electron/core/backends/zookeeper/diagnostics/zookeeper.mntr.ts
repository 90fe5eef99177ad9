import { NO_FIGURES, type MemberFigures } from './zookeeper.facts.js';
import { shortVersion } from './zookeeper.srvr.js';

/** `mntr` lines (`zk_znode_count\t8`) as a map; tabs separate name and value. */
export function mntrValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) values.set(line.slice(0, tab).trim(), line.slice(tab + 1).trim());
  }
  return values;
}

function numberOf(values: Map<string, string>, name: string): number | null {
  const text = values.get(name);
  if (text === undefined || text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses a `mntr` answer: state, znodes, watches (data and child watches together), ephemerals, alive
 * connections, outstanding requests and latencies. `mntr` carries no zxid: `srvr` does.
 */
export function parseMntr(text: string): MemberFigures {
  const values = mntrValues(text);
  const version = values.get('zk_version');
  return {
    ...NO_FIGURES,
    version: version === undefined ? null : shortVersion(version),
    mode: values.get('zk_server_state') ?? null,
    latencyMin: numberOf(values, 'zk_min_latency'),
    latencyAvg: numberOf(values, 'zk_avg_latency'),
    latencyMax: numberOf(values, 'zk_max_latency'),
    outstanding: numberOf(values, 'zk_outstanding_requests'),
    znodes: numberOf(values, 'zk_znode_count'),
    watches: numberOf(values, 'zk_watch_count'),
    ephemerals: numberOf(values, 'zk_ephemerals_count'),
    connections: numberOf(values, 'zk_num_alive_connections'),
  };
}
