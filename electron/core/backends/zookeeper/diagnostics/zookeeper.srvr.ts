import { NO_FIGURES, type MemberFigures } from './zookeeper.facts.js';

/** A whole number from a `Name: 12` line, or null. */
function lineNumber(text: string, name: string): number | null {
  const found = new RegExp(`^${name}: (-?\\d+)\\s*$`, 'm').exec(text)?.[1];
  return found === undefined ? null : Number(found);
}

/** `3.8.0` out of `3.8.0-${mvngit.commit.id}, built on …`. */
export function shortVersion(full: string): string {
  return /^[0-9][^,\s-]*/.exec(full.trim())?.[0] ?? full.trim();
}

/**
 * Parses a `srvr` answer (`Zookeeper version: …`, `Latency min/avg/max: 0/1.25/7`, `Outstanding: 0`,
 * `Zxid: 0xa`, `Mode: follower`, `Node count: 8`). A member without quorum answers "This ZooKeeper instance
 * is not currently serving requests" instead: then the mode is null.
 */
export function parseSrvr(text: string): MemberFigures {
  const version = /^Zookeeper version: (.+)$/m.exec(text)?.[1];
  const latency = /^Latency min\/avg\/max: (-?\d+)\/(-?[\d.]+)\/(-?\d+)\s*$/m.exec(text);
  const zxid = /^Zxid: (0x[0-9a-f]+)\s*$/im.exec(text)?.[1];
  return {
    ...NO_FIGURES,
    version: version === undefined ? null : shortVersion(version),
    mode: /^Mode: (\S+)\s*$/m.exec(text)?.[1] ?? null,
    zxid: zxid === undefined ? null : BigInt(zxid),
    latencyMin: latency === null ? null : Number(latency[1]),
    latencyAvg: latency === null ? null : Number(latency[2]),
    latencyMax: latency === null ? null : Number(latency[3]),
    outstanding: lineNumber(text, 'Outstanding'),
    znodes: lineNumber(text, 'Node count'),
    connections: lineNumber(text, 'Connections'),
  };
}

/** The answer of a member that runs but has no quorum (or is still syncing with its leader). */
export function isNotServing(text: string): boolean {
  return /not currently serving requests/i.test(text);
}
