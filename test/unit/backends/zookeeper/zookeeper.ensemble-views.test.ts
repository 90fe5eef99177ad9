import { describe, expect, it } from 'vitest';
import { disagreements } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.disagreements.js';
import {
  NO_FIGURES,
  type MemberFigures,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.facts.js';
import {
  ensembleMembers,
  parseDynamicConfig,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.members.js';
import { parseMntr } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.mntr.js';
import type { Fact } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.probe.js';
import {
  ancestorsOf,
  toClientPath,
  toServerPath,
} from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.server-paths.js';
import { memberHealth } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.servers.js';
import { parseSrvr } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.srvr.js';
import { watchCost } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.watchers.js';
import { refusalNote } from '../../../../electron/core/backends/zookeeper/diagnostics/zookeeper.words.js';
import { fixture } from './fixtures.js';

function figures(partial: Partial<MemberFigures>): MemberFigures {
  return { ...NO_FIGURES, mode: 'follower', ...partial };
}

const member = ensembleMembers({
  hosts: [{ host: '127.0.0.1', port: 2181 }],
  tls: null,
  adminServerUrl: null,
  dynamicConfig: null,
}).members[0]!;

describe('members', () => {
  it('reads the dynamic configuration, with wildcard client hosts as the quorum host', () => {
    const text = [
      'server.1=zk1:2888:3888:participant;0.0.0.0:2181',
      'server.2=zk2:2888:3888:participant;10.0.0.2:2182',
      'server.3=zk3:2888:3888:observer;2183',
      'server.4=zk4:2888:3888:participant',
      'version=100000000',
    ].join('\n');
    expect(parseDynamicConfig(text)).toEqual([
      { serverId: 1, host: 'zk1', clientPort: 2181, role: 'participant' },
      { serverId: 2, host: '10.0.0.2', clientPort: 2182, role: 'participant' },
      { serverId: 3, host: 'zk3', clientPort: 2183, role: 'observer' },
    ]);
  });

  it('joins the configuration with the connect string, each member once', () => {
    const { members } = ensembleMembers({
      hosts: [
        { host: 'zk1', port: 2181 },
        { host: 'zk9', port: 2181 },
      ],
      tls: null,
      adminServerUrl: null,
      dynamicConfig:
        'server.1=zk1:2888:3888:participant;0.0.0.0:2181\nserver.2=zk2:2888:3888:participant;zk2:2181',
    });
    expect(members.map((m) => [m.id, m.name, m.probe.via])).toEqual([
      ['zk1:2181', 'server.1', 'four-letter words'],
      ['zk2:2181', 'server.2', 'four-letter words'],
      ['zk9:2181', 'zk9:2181', 'four-letter words'],
    ]);
  });

  it('through a tunnel asks members at their forwards, shows their real addresses, and never goes around it', () => {
    const { members, notes } = ensembleMembers({
      hosts: [
        { host: '127.0.0.1', port: 40001 },
        { host: '127.0.0.1', port: 40002 },
      ],
      tls: null,
      adminServerUrl: null,
      dynamicConfig:
        'server.1=zk1:2888:3888:participant;0.0.0.0:2181\nserver.2=zk2:2888:3888:participant;zk2:2181\nserver.3=zk3:2888:3888:participant;zk3:2181',
      forwards: [
        { target: { host: 'zk1', port: 2181 }, local: { host: '127.0.0.1', port: 40001 } },
        { target: { host: 'zk2', port: 2181 }, local: { host: '127.0.0.1', port: 40002 } },
      ],
    });
    expect(members.map((m) => [m.id, m.name, m.host, m.port])).toEqual([
      ['zk1:2181', 'server.1', '127.0.0.1', 40001],
      ['zk2:2181', 'server.2', '127.0.0.1', 40002],
    ]);
    expect(notes.map((n) => n.message)).toEqual([
      "server.3 (zk3:2181) is not among the connection's endpoints, so the SSH tunnel does not reach it: add it to the endpoints to see it here.",
    ]);
  });

  it('names the servers a static configuration lists without client ports', () => {
    const { members, notes } = ensembleMembers({
      hosts: [{ host: '127.0.0.1', port: 2181 }],
      tls: null,
      adminServerUrl: null,
      dynamicConfig:
        'server.1=127.0.0.1:2888:3888:participant\nserver.2=127.0.0.1:2889:3889:participant\nversion=0',
    });
    expect(members.map((m) => m.id)).toEqual(['127.0.0.1:2181']);
    expect(notes.map((n) => n.message)).toEqual([
      "/zookeeper/config names 2 servers but gives no client port for 1 of them: add them to the connection's endpoints to see them here.",
    ]);
  });

  it('gives each host the AdminServer URL with its own host name; hosts with several members keep words', () => {
    const distinct = ensembleMembers({
      hosts: [
        { host: 'zk1', port: 2181 },
        { host: 'zk2', port: 2181 },
      ],
      tls: null,
      adminServerUrl: 'http://zk1:8080/commands',
      dynamicConfig: null,
    });
    expect(distinct.members.map((m) => m.probe.via)).toEqual([
      'AdminServer http://zk1:8080/commands',
      'AdminServer http://zk2:8080/commands',
    ]);
    expect(distinct.notes).toEqual([]);
    const shared = ensembleMembers({
      hosts: [
        { host: '127.0.0.1', port: 2181 },
        { host: '127.0.0.1', port: 2182 },
      ],
      tls: null,
      adminServerUrl: 'http://127.0.0.1:8080',
      dynamicConfig: null,
    });
    expect(shared.members.map((m) => m.probe.via)).toEqual(['four-letter words', 'four-letter words']);
    expect(shared.notes[0]?.message).toMatch(/127\.0\.0\.1 runs several members/);
  });
});

describe('disagreements', () => {
  it('names zxid lag within an epoch, an older epoch, and counts that differ by how much', () => {
    expect(
      disagreements([
        { name: 'server.1', figures: figures({ zxid: 0x10000000an, znodes: 12, ephemerals: 3 }) },
        { name: 'server.2', figures: figures({ zxid: 0x100000005n, znodes: 10, ephemerals: 3 }) },
        { name: 'server.3', figures: figures({ zxid: 0x200000001n, znodes: 12, ephemerals: 2 }) },
      ]),
    ).toEqual([
      'server.1 is on an older epoch than server.3 (zxid 0x10000000a against 0x200000001).',
      'server.2 is on an older epoch than server.3 (zxid 0x100000005 against 0x200000001).',
      'Znode counts differ: server.2 has 10, 2 fewer than server.1 with 12.',
      'Ephemeral node counts differ: server.3 has 2, 1 fewer than server.1 with 3.',
    ]);
    expect(
      disagreements([
        { name: 'server.1', figures: figures({ zxid: 0x10000000an }) },
        { name: 'server.2', figures: figures({ zxid: 0x100000009n }) },
      ]),
    ).toEqual(['server.2 is 1 transaction behind server.1 (zxid 0x100000009 against 0x10000000a).']);
  });

  it('agrees for a fresh ensemble: a new leader at its epoch start, followers on the last epoch', () => {
    const leader = parseSrvr(fixture('leader.srvr.txt'));
    const follower = parseSrvr(fixture('follower.srvr.txt'));
    expect(
      disagreements([
        { name: 'server.1', figures: leader },
        { name: 'server.2', figures: follower },
      ]),
    ).toEqual([]);
  });
});

describe('member health', () => {
  const srvr: Fact<MemberFigures> = { ok: true, value: parseSrvr(fixture('standalone.srvr.txt')) };
  const mntr: Fact<MemberFigures> = { ok: true, value: parseMntr(fixture('standalone.mntr.txt')) };
  const refused = (word: string): Fact<MemberFigures> => ({
    ok: false,
    refused: true,
    reason: `refuses ${word}`,
    note: refusalNote(member.id, word),
  });

  it('merges srvr and mntr into role and metrics', () => {
    const { member: health } = memberHealth(member, srvr, mntr);
    expect(health).toMatchObject({ up: true, role: 'standalone', version: '3.8.0', error: null });
    expect(Object.fromEntries(health.metrics.map((m) => [m.key, m.value]))).toEqual({
      zxid: '0xa',
      latencyMin: 0,
      latencyAvg: 1.2558,
      latencyMax: 7,
      outstanding: 0,
      znodes: 8,
      watches: 7,
      ephemerals: 1,
      connections: 4,
    });
  });

  it('is down with the reason in one sentence when nothing answers', () => {
    const down: Fact<MemberFigures> = {
      ok: false,
      refused: false,
      reason: 'nothing listens on 127.0.0.1:2181 (connection refused)',
      note: null,
    };
    expect(memberHealth(member, down, down).member).toMatchObject({
      up: false,
      role: 'unknown',
      error: 'Nothing listens on 127.0.0.1:2181 (connection refused).',
      metrics: [],
    });
  });

  it('is down when it runs without quorum', () => {
    const text = fixture('not-serving.srvr.txt');
    const notServing: Fact<MemberFigures> = { ok: true, value: parseSrvr(text) };
    const health = memberHealth(member, notServing, { ok: true, value: parseMntr(text) }).member;
    expect(health.up).toBe(false);
    expect(health.error).toMatch(/does not serve requests: it has no quorum/);
  });

  it('is up with an unknown role when both words are refused, and keeps srvr alone when mntr is', () => {
    expect(memberHealth(member, refused('srvr'), refused('mntr')).member).toMatchObject({
      up: true,
      role: 'unknown',
      error: '127.0.0.1:2181 answers but refuses srvr and mntr, so its role is not known.',
    });
    expect(memberHealth(member, srvr, refused('mntr')).member).toMatchObject({
      up: true,
      role: 'standalone',
    });
  });
});

describe('the cost of who-watches', () => {
  it('sums the watches of every member that answered wchs', () => {
    const ok = (watches: number) => ({
      member,
      fact: { ok: true as const, value: { connections: 1, paths: 1, watches } },
    });
    expect(watchCost([ok(1000), ok(200), ok(4)])).toEqual({
      message: '3 members hold 1,204 watches; listing them is costly on the servers.',
      watches: 1204,
    });
    expect(watchCost([ok(1)]).message).toBe('1 member holds 1 watch; listing them is costly on the servers.');
  });
});

describe('server paths', () => {
  it('maps a chroot both ways and lists ancestors nearest first', () => {
    expect(toServerPath('/a', '/app')).toBe('/app/a');
    expect(toServerPath('/', '/app')).toBe('/app');
    expect(toClientPath('/app/a', '/app')).toBe('/a');
    expect(toClientPath('/other', '/app')).toBe('/other');
    expect(ancestorsOf('/a/b/c')).toEqual(['/a/b', '/a', '/']);
    expect(ancestorsOf('/')).toEqual([]);
  });
});
