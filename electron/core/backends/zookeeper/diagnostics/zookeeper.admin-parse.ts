import {
  NO_FIGURES,
  normalizeSessionId,
  type ClientConnection,
  type MemberFigures,
  type PathsBySession,
  type SessionsByPath,
  type WatchSummary,
} from './zookeeper.facts.js';
import { shortVersion } from './zookeeper.srvr.js';

/** The AdminServer's JSON answers (parsed by parseAdminJson: 64-bit numbers as strings) in the shapes of facts. */

type Json = Record<string, unknown>;

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function zxidOf(value: unknown): bigint | null {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return BigInt(value);
  return null;
}

function version(json: Json): string | null {
  const full = text(json.version);
  return full === null ? null : shortVersion(full);
}

/** `stats` (the JSON `srvr`): state, last processed zxid, latencies, outstanding, znodes, connections. */
export function adminStats(json: Json): MemberFigures {
  const stats = object(json.server_stats);
  return {
    ...NO_FIGURES,
    version: version(json),
    mode: text(stats.server_state),
    zxid: zxidOf(stats.last_processed_zxid),
    latencyMin: num(stats.min_latency),
    latencyAvg: num(stats.avg_latency),
    latencyMax: num(stats.max_latency),
    outstanding: num(stats.outstanding_requests),
    znodes: num(json.node_count),
    connections: num(stats.num_alive_client_connections),
  };
}

/** `monitor` (the JSON `mntr`). */
export function adminMonitor(json: Json): MemberFigures {
  return {
    ...NO_FIGURES,
    version: version(json),
    mode: text(json.server_state),
    latencyMin: num(json.min_latency),
    latencyAvg: num(json.avg_latency),
    latencyMax: num(json.max_latency),
    outstanding: num(json.outstanding_requests),
    znodes: num(json.znode_count),
    watches: num(json.watch_count),
    ephemerals: num(json.ephemerals_count),
    connections: num(json.num_alive_connections),
  };
}

/** `connections` (the JSON `cons`), plain and secure; connections without a session are left out. */
export function adminConnections(json: Json): ClientConnection[] {
  const all = [...array(json.connections), ...array(json.secure_connections)].map(object);
  const connections: ClientConnection[] = [];
  for (const c of all) {
    const raw = c.session_id;
    const sessionId =
      typeof raw === 'number' || typeof raw === 'string' ? normalizeSessionId(String(raw)) : null;
    if (sessionId === null || sessionId === '0x0') continue;
    connections.push({
      client: (text(c.remote_socket_address) ?? '').replace(/^\//, ''),
      sessionId,
      lastOperation: text(c.last_operation),
      queued: num(c.outstanding_requests),
      received: num(c.packets_received),
      sent: num(c.packets_sent),
      latencyMin: num(c.min_latency),
      latencyAvg: num(c.avg_latency),
      latencyMax: num(c.max_latency),
      timeoutMs: num(c.session_timeout),
      established: num(c.established),
    });
  }
  return connections;
}

/** `watch_summary` (the JSON `wchs`). */
export function adminWatchSummary(json: Json): WatchSummary | null {
  const connections = num(json.num_connections);
  const paths = num(json.num_paths);
  const watches = num(json.num_total_watches);
  if (connections === null || paths === null || watches === null) return null;
  return { connections, paths, watches };
}

function sessionList(value: unknown): string[] {
  return array(value)
    .map((id) => (typeof id === 'number' || typeof id === 'string' ? normalizeSessionId(String(id)) : null))
    .filter((id): id is string => id !== null);
}

/** `watches_by_path` (the JSON `wchp`): path → session ids. */
export function adminWatchesByPath(json: Json): SessionsByPath {
  return new Map(
    Object.entries(object(json.path_to_session_ids)).map(([path, ids]) => [path, sessionList(ids)]),
  );
}

/** `dump`: the ephemeral paths of each session (keyed by the decimal session id). */
export function adminEphemerals(json: Json): PathsBySession {
  const bySession: PathsBySession = new Map();
  for (const [id, paths] of Object.entries(object(json.session_id_to_ephemeral_paths))) {
    const session = normalizeSessionId(id);
    if (session !== null)
      bySession.set(
        session,
        array(paths).filter((p): p is string => typeof p === 'string'),
      );
  }
  return bySession;
}
