import { describe, expect, it } from 'vitest';
import type { ZkStat } from './client/index.js';
import type { KnownNode } from './zookeeper.stream.cache.js';
import { overtakenDetail } from './zookeeper.stream.ledger.js';

const stat = (version: number, mzxid: bigint, czxid = 1n) => ({ version, mzxid, czxid }) as unknown as ZkStat;
const known = (version: number, mzxid: bigint, seenBy: KnownNode['seenBy'] = 'event'): KnownNode => ({
  value: undefined,
  version,
  czxid: 1n,
  mzxid,
  seenBy,
});

describe('a change read after the node changed again', () => {
  it('says nothing of a change read at the next version', () => {
    expect(
      overtakenDetail('changed', known(3, 30n), { data: Buffer.alloc(0), stat: stat(4, 40n) }),
    ).toBeNull();
  });

  it('says how many changes a diff spans when the read found a later version', () => {
    expect(overtakenDetail('changed', known(3, 30n), { data: Buffer.alloc(0), stat: stat(6, 60n) })).toBe(
      'This diff spans 3 changes: the node changed again before it was read (version 6).',
    );
  });

  it('says when an earlier event already showed the value this change read', () => {
    expect(overtakenDetail('changed', known(6, 60n), { data: Buffer.alloc(0), stat: stat(6, 60n) })).toBe(
      'Changed again before it could be read: version 6, shown with the change before it.',
    );
  });

  it('leaves creations and recreated nodes alone', () => {
    expect(
      overtakenDetail('created', known(3, 30n), { data: Buffer.alloc(0), stat: stat(6, 60n) }),
    ).toBeNull();
    expect(
      overtakenDetail('changed', known(3, 30n), { data: Buffer.alloc(0), stat: stat(6, 60n, 2n) }),
    ).toBeNull();
  });
});
