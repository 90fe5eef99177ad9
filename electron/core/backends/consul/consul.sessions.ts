import type { ConsulHttp } from './consul.http.js';
import { SessionsWireSchema, type SessionWire } from './consul.cluster.schemas.js';
import { parseJson } from './consul.schemas.js';

/** A Consul session as ConfigDeck shows it. */
export interface ConsulSessionInfo {
  id: string;
  name: string;
  node: string;
  /** Node and service checks whose failure ends the session (`serfHealth` by default). */
  checks: string[];
  /** What happens to its locks when it ends: `release` or `delete`. */
  behavior: string;
  /** Empty when the session has no TTL. */
  ttl: string;
  lockDelayMs: number | null;
}

function sessionInfo(wire: SessionWire): ConsulSessionInfo {
  return {
    id: wire.ID,
    name: wire.Name,
    node: wire.Node,
    checks: [...new Set([...wire.NodeChecks, ...wire.ServiceChecks, ...wire.Checks])],
    behavior: wire.Behavior,
    ttl: wire.TTL,
    // Consul sends the lock delay in nanoseconds.
    lockDelayMs: wire.LockDelay === undefined ? null : Math.round(wire.LockDelay / 1e6),
  };
}

/** Every session of the datacenter the token may see; `filtered` when the ACLs hid some. */
export async function listSessions(
  http: ConsulHttp,
  timeoutMs?: number,
): Promise<{ sessions: ConsulSessionInfo[]; filtered: boolean }> {
  const what = 'Listing Consul sessions';
  const response = await http.request({
    what,
    path: '/v1/session/list',
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return {
    sessions: parseJson(response, SessionsWireSchema, what).map(sessionInfo),
    filtered: response.filteredByAcls,
  };
}

/** One session by id; null when it no longer exists, 'hidden' when the ACL token may not see it. */
export async function readSession(
  http: ConsulHttp,
  id: string,
): Promise<ConsulSessionInfo | null | 'hidden'> {
  const what = `Reading session ${id}`;
  const response = await http.request({ what, path: `/v1/session/info/${encodeURIComponent(id)}` });
  const wire = parseJson(response, SessionsWireSchema, what)[0];
  if (wire) return sessionInfo(wire);
  // Consul answers an empty list both for a session that is gone and for one the ACLs hide.
  return response.filteredByAcls ? 'hidden' : null;
}
