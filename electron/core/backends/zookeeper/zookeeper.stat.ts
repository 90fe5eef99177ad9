import type { ZkStat } from './client/index.js';
import type { MetaField } from '../../../../shared/model/node.js';

/** A 64-bit id (zxid, session id) as `0x1a`, the way zkCli and the server logs print them. */
export function longToHex(long: bigint): string {
  return `0x${BigInt.asUintN(64, long).toString(16)}`;
}

/** A millisecond timestamp as ISO-8601 (UTC). */
export function msToIso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(ms) : date.toISOString();
}

/**
 * The node lives as long as the session that created it. Containers and TTL nodes carry a marker in
 * ephemeralOwner on the server, but the server reports 0 to clients for them, so they read as persistent.
 */
export function isEphemeral(stat: ZkStat): boolean {
  return stat.ephemeralOwner !== 0n;
}

/** The znode stat as metadata rows, in zkCli's order. */
export function statToMeta(stat: ZkStat): MetaField[] {
  return [
    { key: 'czxid', label: 'Created zxid', value: longToHex(stat.czxid) },
    { key: 'ctime', label: 'Created', value: msToIso(stat.ctime) },
    { key: 'mzxid', label: 'Modified zxid', value: longToHex(stat.mzxid) },
    { key: 'mtime', label: 'Modified', value: msToIso(stat.mtime) },
    { key: 'pzxid', label: 'Children zxid', value: longToHex(stat.pzxid) },
    { key: 'version', label: 'Data version', value: String(stat.version) },
    { key: 'cversion', label: 'Children version', value: String(stat.cversion) },
    { key: 'aversion', label: 'ACL version', value: String(stat.aversion) },
    { key: 'ephemeralOwner', label: 'Ephemeral owner', value: longToHex(stat.ephemeralOwner) },
    { key: 'dataLength', label: 'Data length', value: String(stat.dataLength) },
    { key: 'numChildren', label: 'Children', value: String(stat.numChildren) },
  ];
}
