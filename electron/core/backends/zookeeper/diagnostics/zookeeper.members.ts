import type { DiagnosticNote } from '../../../../../shared/model/diagnostics.js';
import type { ZkTlsOptions } from '../client/index.js';
import { commandsBase } from './zookeeper.admin-server.js';
import { adminProbe, wordProbe, type MemberProbe } from './zookeeper.probe.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** One member of the ensemble as ConfigDeck reaches it. */
export interface EnsembleMember {
  /** `host:port` of its client port: stable within a report. */
  id: string;
  /** `server.2` when the dynamic configuration names it, else its address. */
  name: string;
  host: string;
  port: number;
  /** `participant` or `observer` from the dynamic configuration; null when not known. */
  configuredRole: string | null;
  probe: MemberProbe;
}

/** A `server.N=…` entry of `/zookeeper/config`. */
export interface ConfiguredServer {
  serverId: number;
  host: string;
  clientPort: number;
  role: string;
}

/**
 * Parses the dynamic configuration (`server.1=zk1:2888:3888:participant;0.0.0.0:2181`, `version=…`):
 * each server with its client address (a wildcard or missing client host means the quorum host). Servers
 * without a client port cannot be asked and are left out.
 */
export function parseDynamicConfig(text: string): ConfiguredServer[] {
  const servers: ConfiguredServer[] = [];
  for (const line of text.split('\n')) {
    const match = /^server\.(\d+)=([^;]+)(?:;(.*))?$/.exec(line.trim());
    if (match === null) continue;
    const [, id = '', quorum = '', client = ''] = match;
    const [quorumHost = '', , , role = 'participant'] = quorum.split(':');
    const colon = client.lastIndexOf(':');
    const clientHost = colon === -1 ? '' : client.slice(0, colon);
    const clientPort = Number(colon === -1 ? client : client.slice(colon + 1));
    if (!Number.isInteger(clientPort) || clientPort <= 0) continue;
    const wildcard =
      clientHost === '' || clientHost === '0.0.0.0' || clientHost === '::' || clientHost === '[::]';
    servers.push({ serverId: Number(id), host: wildcard ? quorumHost : clientHost, clientPort, role });
  }
  return servers;
}

/** The number of `server.N=` lines, with or without a client address. */
function serverLines(text: string): number {
  return text.split('\n').filter((line) => /^server\.\d+=/.test(line.trim())).length;
}

/** A static configuration names no client ports: members the connect string lacks cannot be asked. */
function unlistedNote(configured: number, known: number): DiagnosticNote {
  return {
    message: say(ZOOKEEPER_SENTENCES, 'configWithoutClientPorts', {
      configured,
      missing: configured - known,
    }),
    fix: null,
  };
}

/** What members are built from: the profile's hosts, TLS, AdminServer URL and the dynamic configuration. */
export interface MemberSources {
  hosts: ReadonlyArray<{ host: string; port: number }>;
  tls: ZkTlsOptions | null;
  adminServerUrl: string | null;
  /** The text of `/zookeeper/config`, or null when it cannot be read or is empty (static configuration). */
  dynamicConfig: string | null;
  /** Through an SSH tunnel: each forwarded server address and the loopback port standing in for it. */
  forwards?: readonly TunnelForwardAddress[] | null;
}

/** A server address reached through a tunnel, and the loopback address that forwards to it. */
export interface TunnelForwardAddress {
  target: { host: string; port: number };
  local: { host: string; port: number };
}

/** Through a tunnel, members the endpoints do not forward cannot be asked: nothing may go around it. */
function unforwardedNote(ids: readonly string[]): DiagnosticNote {
  return {
    message: say(ZOOKEEPER_SENTENCES, 'notTunnelled', { count: ids.length, ids: ids.join(', ') }),
    fix: null,
  };
}

/**
 * The AdminServer base of each member: the profile's URL with the member's host (one zoo.cfg for all
 * members gives them one admin port). Where several members share a host the URL cannot tell their ports
 * apart: those are asked with four-letter words, and a note says so.
 */
function adminBases(
  members: ReadonlyArray<{ host: string }>,
  url: string,
): { bases: Array<string | null>; note: DiagnosticNote | null } {
  if (members.length === 1) return { bases: [commandsBase(url)], note: null };
  const parsed = new URL(commandsBase(url));
  const count = new Map<string, number>();
  for (const m of members) count.set(m.host, (count.get(m.host) ?? 0) + 1);
  const shared = [...count].filter(([, n]) => n > 1).map(([host]) => host);
  const bases = members.map((m) => {
    if ((count.get(m.host) ?? 0) > 1) return null;
    const own = new URL(parsed.href);
    own.hostname = m.host;
    return own.href.replace(/\/+$/, '');
  });
  const note =
    shared.length === 0
      ? null
      : {
          message: say(ZOOKEEPER_SENTENCES, 'adminOnePort', { hosts: shared.join(', ') }),
          fix: null,
        };
  return { bases, note };
}

/** Every member: the dynamic configuration's servers (when there is one), then connect-string hosts not in it. */
export function ensembleMembers(sources: MemberSources): {
  members: EnsembleMember[];
  notes: DiagnosticNote[];
} {
  const configured = sources.dynamicConfig === null ? [] : parseDynamicConfig(sources.dynamicConfig);
  const forwards = sources.forwards ?? null;
  // The address a member is asked at: its own, or through a tunnel the loopback port forwarding to it.
  const localOf = (host: string, port: number) =>
    forwards === null
      ? { host, port }
      : (forwards.find((f) => f.target.host.toLowerCase() === host.toLowerCase() && f.target.port === port)
          ?.local ?? null);
  // The address a member really has: a connect-string host through a tunnel is a loopback forward.
  const realOf = (host: string, port: number) =>
    forwards?.find((f) => f.local.host === host && f.local.port === port)?.target ?? { host, port };
  const seen = new Set<string>();
  const unforwarded: string[] = [];
  const listed: Array<{ host: string; port: number; id: string; name: string | null; role: string | null }> =
    [];
  for (const s of configured) {
    const id = `${s.host}:${s.clientPort}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const local = localOf(s.host, s.clientPort);
    if (local === null) {
      unforwarded.push(`server.${s.serverId} (${id})`);
      continue;
    }
    listed.push({ ...local, id, name: `server.${s.serverId}`, role: s.role });
  }
  for (const h of sources.hosts) {
    const real = realOf(h.host, h.port);
    const id = `${real.host}:${real.port}`;
    if (seen.has(id)) continue;
    seen.add(id);
    listed.push({ host: h.host, port: h.port, id, name: null, role: null });
  }
  const admin = sources.adminServerUrl === null ? null : adminBases(listed, sources.adminServerUrl);
  const members = listed.map((m, i): EnsembleMember => {
    const base = admin?.bases[i] ?? null;
    const words = wordProbe({ host: m.host, port: m.port, tls: sources.tls });
    const id = m.id;
    return {
      id,
      name: m.name ?? id,
      host: m.host,
      port: m.port,
      configuredRole: m.role,
      probe: base === null ? words : adminProbe(base, words),
    };
  });
  const notes = admin?.note ? [admin.note] : [];
  if (unforwarded.length > 0) notes.push(unforwardedNote(unforwarded));
  const serverCount = sources.dynamicConfig === null ? 0 : serverLines(sources.dynamicConfig);
  if (serverCount > members.length + unforwarded.length)
    notes.push(unlistedNote(serverCount, members.length));
  return { members, notes };
}
