/**
 * What a member tells about itself, whichever way it was asked (four-letter words or AdminServer JSON):
 * the parsers of both fill these shapes, so the views above them do not care how they were asked.
 */

/** The figures of `srvr`/`mntr` (`stats`/`monitor`); null where the answer did not carry one. */
export interface MemberFigures {
  version: string | null;
  /** `leader`, `follower`, `observer`, `standalone`, `read-only`; null when not serving. */
  mode: string | null;
  zxid: bigint | null;
  latencyMin: number | null;
  latencyAvg: number | null;
  latencyMax: number | null;
  outstanding: number | null;
  znodes: number | null;
  watches: number | null;
  ephemerals: number | null;
  connections: number | null;
}

export const NO_FIGURES: MemberFigures = {
  version: null,
  mode: null,
  zxid: null,
  latencyMin: null,
  latencyAvg: null,
  latencyMax: null,
  outstanding: null,
  znodes: null,
  watches: null,
  ephemerals: null,
  connections: null,
};

/** Fills the gaps of `first` from `second` (srvr first, mntr after it). */
export function mergeFigures(first: MemberFigures, second: MemberFigures): MemberFigures {
  const merged = { ...first };
  for (const key of Object.keys(merged) as Array<keyof MemberFigures>) {
    if (merged[key] === null) (merged as Record<string, unknown>)[key] = second[key];
  }
  return merged;
}

/** One client connection with an established session, as `cons` (`connections`) lists it. */
export interface ClientConnection {
  /** `127.0.0.1:54321` as the server sees the client. */
  client: string;
  /** As ZooKeeper prints it: `0x1000012183b0002`. */
  sessionId: string;
  lastOperation: string | null;
  queued: number | null;
  received: number | null;
  sent: number | null;
  latencyMin: number | null;
  latencyAvg: number | null;
  latencyMax: number | null;
  /** Negotiated session timeout in ms. */
  timeoutMs: number | null;
  /** Epoch ms the connection was established. */
  established: number | null;
}

/** `wchs` (`watch_summary`). */
export interface WatchSummary {
  connections: number;
  paths: number;
  watches: number;
}

/** Session id (`0x…`) → paths: `wchp` (watches by path, keyed the other way round) and `dump` ephemerals. */
export type PathsBySession = Map<string, string[]>;
/** Path → session ids (`0x…`): `wchp`. */
export type SessionsByPath = Map<string, string[]>;

/** A session id as ZooKeeper prints it: lower-case hex with `0x`, no leading zeros. */
export function hexSessionId(id: bigint): string {
  return `0x${BigInt.asUintN(64, id).toString(16)}`;
}

/** `0x00AB` → `0xab`; a decimal id (AdminServer JSON) → hex; null when it is neither. */
export function normalizeSessionId(text: string): string | null {
  const trimmed = text.trim();
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return hexSessionId(BigInt(trimmed));
  if (/^\d+$/.test(trimmed)) return hexSessionId(BigInt(trimmed));
  return null;
}
