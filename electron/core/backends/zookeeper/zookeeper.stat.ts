import type { ZkStat } from './client/index.js';
import { metaField } from '../../../../shared/labels/meta-fields.js';
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
    metaField('czxid', longToHex(stat.czxid)),
    metaField('ctime', msToIso(stat.ctime)),
    metaField('mzxid', longToHex(stat.mzxid)),
    metaField('mtime', msToIso(stat.mtime)),
    metaField('pzxid', longToHex(stat.pzxid)),
    metaField('dataVersion', String(stat.version)),
    metaField('cversion', String(stat.cversion)),
    metaField('aversion', String(stat.aversion)),
    metaField('ephemeralOwner', longToHex(stat.ephemeralOwner)),
    metaField('dataLength', String(stat.dataLength)),
    metaField('numChildren', String(stat.numChildren)),
  ];
}
