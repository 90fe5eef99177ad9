import type { MemberFigures } from './zookeeper.facts.js';
import { count } from './zookeeper.sentences.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** A serving member's name and figures, as compared across the ensemble. */
export interface Compared {
  name: string;
  figures: MemberFigures;
}

function hex(zxid: bigint): string {
  return `0x${zxid.toString(16)}`;
}

/** Members behind the most advanced one: transactions behind within one epoch, or an older epoch. */
function zxidLag(members: readonly Compared[]): string[] {
  const known = members.filter((m): m is Compared & { figures: { zxid: bigint } } => m.figures.zxid !== null);
  const ahead = known.reduce<(typeof known)[number] | null>(
    (best, m) => (best === null || m.figures.zxid > best.figures.zxid ? m : best),
    null,
  );
  if (ahead === null) return [];
  const top = ahead.figures.zxid;
  // A leader that has committed nothing in its new epoch reports the epoch's first zxid (0x100000000) while
  // synced followers still report the last zxid of the previous epoch: no lag can be told apart then.
  const epochStart = (top & 0xffffffffn) === 0n;
  return known
    .filter((m) => m.figures.zxid < top && !(epochStart && m.figures.zxid >> 32n < top >> 32n))
    .map((m) => {
      const zxid = m.figures.zxid;
      const names = { member: m.name, ahead: ahead.name, zxid: hex(zxid), top: hex(top) };
      if (zxid >> 32n !== top >> 32n) return say(ZOOKEEPER_SENTENCES, 'olderEpoch', names);
      return say(ZOOKEEPER_SENTENCES, 'transactionsBehind', { ...names, count: Number(top - zxid) });
    });
}

/** `Znode counts differ: server.2 has 10, 2 fewer than server.1 with 12.` */
function countsDiffer(
  members: readonly Compared[],
  key: 'znodes' | 'ephemerals',
  said: 'znodeCountsDiffer' | 'ephemeralCountsDiffer',
): string[] {
  const known = members.filter((m) => m.figures[key] !== null);
  if (new Set(known.map((m) => m.figures[key])).size < 2) return [];
  const most = known.reduce((best, m) => ((m.figures[key] ?? 0) > (best.figures[key] ?? 0) ? m : best));
  const top = most.figures[key] ?? 0;
  const parts = known
    .filter((m) => (m.figures[key] ?? 0) < top)
    .map((m) => {
      const n = m.figures[key] ?? 0;
      return say(ZOOKEEPER_SENTENCES, 'countBelow', {
        member: m.name,
        n: count(n),
        fewer: count(top - n),
        most: most.name,
        top: count(top),
      });
    });
  return [say(ZOOKEEPER_SENTENCES, said, { members: parts.join('; ') })];
}

/**
 * Where serving members disagree, as zk-shell's consistency check tells it: zxid lag, and znode or
 * ephemeral counts that differ (which members, by how much). Under a steady write load a lag of a few
 * transactions is normal between the moments each member was asked.
 */
export function disagreements(members: readonly Compared[]): string[] {
  if (members.length < 2) return [];
  return [
    ...zxidLag(members),
    ...countsDiffer(members, 'znodes', 'znodeCountsDiffer'),
    ...countsDiffer(members, 'ephemerals', 'ephemeralCountsDiffer'),
  ];
}
