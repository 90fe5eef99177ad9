import { describe, expect, it } from 'vitest';
import { parseCons } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.cons.js';
import { parseDumpEphemerals } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.dump.js';
import { parseMntr } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.mntr.js';
import {
  isNotServing,
  parseSrvr,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.srvr.js';
import { parseWchp } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.wchp.js';
import { parseWchs } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.wchs.js';
import {
  isRefusal,
  refusalNote,
  WHITELIST_LINE,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.words.js';
import { fixture } from './fixtures.js';

// The fixtures: a standalone 3.8.0 with zkCli sessions 0x…02 (get -w /app/cfg, ls -w /app), 0x…03 (an
// ephemeral /app/eph, addWatch PERSISTENT_RECURSIVE /app, addWatch PERSISTENT /app/cfg), 0x…04 (get -w /app).

describe('srvr', () => {
  it('reads version, latencies, counts, zxid and mode', () => {
    expect(parseSrvr(fixture('standalone.srvr.txt'))).toEqual({
      version: '3.8.0',
      mode: 'standalone',
      zxid: 0xan,
      latencyMin: 0,
      latencyAvg: 1.2558,
      latencyMax: 7,
      outstanding: 0,
      znodes: 8,
      watches: null,
      ephemerals: null,
      connections: 4,
    });
  });

  it('reads a leader and a follower of an ensemble', () => {
    expect(parseSrvr(fixture('leader.srvr.txt'))).toMatchObject({ mode: 'leader', zxid: 0x100000000n });
    expect(parseSrvr(fixture('follower.srvr.txt'))).toMatchObject({ mode: 'follower', zxid: 0n });
  });

  it('has no mode for a member without quorum', () => {
    const text = fixture('not-serving.srvr.txt');
    expect(isNotServing(text)).toBe(true);
    expect(parseSrvr(text)).toMatchObject({ mode: null, version: null, zxid: null });
  });
});

describe('mntr', () => {
  it('reads state, znodes, watches, ephemerals and connections', () => {
    expect(parseMntr(fixture('standalone.mntr.txt'))).toEqual({
      version: '3.8.0',
      mode: 'standalone',
      zxid: null,
      latencyMin: 0,
      latencyAvg: 1.2558,
      latencyMax: 7,
      outstanding: 0,
      znodes: 8,
      // Data and child watches together: wchs counts 4 of them (data watches only).
      watches: 7,
      ephemerals: 1,
      connections: 4,
    });
  });

  it('reads a leader', () => {
    expect(parseMntr(fixture('leader.mntr.txt'))).toMatchObject({ mode: 'leader', znodes: 5 });
  });
});

describe('cons', () => {
  it('lists the sessions with their figures, leaving out the connection that asked', () => {
    const connections = parseCons(fixture('standalone.cons.txt'));
    expect(connections.map((c) => [c.client, c.sessionId])).toEqual([
      ['127.0.0.1:43474', '0x1000012183b0004'],
      ['127.0.0.1:56032', '0x1000012183b0002'],
      ['127.0.0.1:56024', '0x1000012183b0003'],
    ]);
    expect(connections[2]).toEqual({
      client: '127.0.0.1:56024',
      sessionId: '0x1000012183b0003',
      lastOperation: 'PING',
      queued: 0,
      received: 16,
      sent: 16,
      latencyMin: 0,
      latencyAvg: 1,
      latencyMax: 7,
      timeoutMs: 10000,
      established: 1796193235858,
    });
  });

  it('reads an IPv6 client address', () => {
    const line = ' /0:0:0:0:0:0:0:1:41234[1](queued=0,recved=2,sent=2,sid=0x100ab,lop=GETD)\n';
    expect(parseCons(line).map((c) => [c.client, c.sessionId])).toEqual([
      ['0:0:0:0:0:0:0:1:41234', '0x100ab'],
    ]);
  });
});

describe('wchs, wchp and dump', () => {
  it('wchs: connections, paths, watches', () => {
    expect(parseWchs(fixture('standalone.wchs.txt'))).toEqual({ connections: 3, paths: 2, watches: 4 });
    expect(parseWchs('something else')).toBeNull();
  });

  it('wchp: every session per path, recursive and one-shot watches alike, child watches not at all', () => {
    expect(parseWchp(fixture('standalone.wchp.txt'))).toEqual(
      new Map([
        ['/app/cfg', ['0x1000012183b0002', '0x1000012183b0003']],
        ['/app', ['0x1000012183b0003', '0x1000012183b0004']],
      ]),
    );
  });

  it('dump: the ephemeral nodes of each session', () => {
    expect(parseDumpEphemerals(fixture('standalone.dump.txt'))).toEqual(
      new Map([['0x1000012183b0003', ['/app/eph']]]),
    );
  });
});

describe('a word refused by the whitelist', () => {
  it('is told from the server answer and gets the exact zoo.cfg line', () => {
    expect(isRefusal(fixture('refused.mntr.txt'))).toBe(true);
    expect(isRefusal(fixture('standalone.srvr.txt'))).toBe(false);
    expect(refusalNote('zk1:2181', 'mntr')).toEqual({
      message:
        'zk1:2181 refuses the four-letter word mntr: it is not in 4lw.commands.whitelist. Add this line to its zoo.cfg and restart it.',
      fix: '4lw.commands.whitelist=srvr,mntr,cons,wchs,wchp,dump',
    });
    expect(WHITELIST_LINE).toBe('4lw.commands.whitelist=srvr,mntr,cons,wchs,wchp,dump');
  });
});
