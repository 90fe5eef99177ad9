import { describe, expect, it } from 'vitest';
import { alarmsTable } from './etcd.alarms.js';
import { disagreements, serverMember } from './etcd.member-health.js';
import { member, status, up } from '../../../../test/unit/backends/etcd/etcd-status.fixture.js';
import { metricValue, watchGauges } from './etcd.metrics.js';

describe('etcd member health', () => {
  it('takes each member’s role from its own status and turns its errors into one sentence', () => {
    expect(serverMember(up('m1', '1', status('1', '1', 50)))).toMatchObject({
      role: 'leader',
      up: true,
      error: null,
      id: '1',
    });
    const follower = serverMember(
      up('m2', '2', { ...status('2', '1', 50), errors: ['memberID:2 alarm:NOSPACE'] }),
    );
    expect(follower).toMatchObject({ role: 'follower', error: 'm2 reports: memberID:2 alarm:NOSPACE.' });
    expect(serverMember(up('m3', '3', status('3', '0', 50))).error).toBe(
      'm3 reports: it knows no leader (the cluster may have lost its quorum).',
    );
    const down = serverMember({
      member: member('m4', '4'),
      error: 'm4 at http://127.0.0.1:2383: unreachable.',
    });
    expect(down).toMatchObject({
      up: false,
      role: 'unknown',
      metrics: [],
      error: 'm4 at http://127.0.0.1:2383: unreachable.',
    });
  });

  it('flags a member whose applied index trails by more than 1,000 entries, and split leadership', () => {
    const agree = [up('m1', '1', status('1', '1', 5000)), up('m2', '2', status('2', '1', 4500))];
    expect(disagreements(agree)).toEqual([]);
    const lagging = [up('m1', '1', status('1', '1', 6234)), up('m2', '2', status('2', '1', 5000, 6234))];
    expect(disagreements(lagging)).toEqual([
      'm2 trails m1 by 1,234 applied raft entries (applied index 5,000 against 6,234).',
      'm2 has 1,234 committed raft entries it has not applied yet.',
    ]);
    const split = [
      up('m1', '1', status('1', '1', 10)),
      up('m2', '2', status('2', '1', 10)),
      up('m3', '3', status('3', '3', 10)),
    ];
    expect(disagreements(split)).toEqual([
      'The members disagree on the leader: m1 and m2 follow 1, m3 follows 3.',
    ]);
    // A member that does not answer has no say.
    expect(disagreements([...agree, { member: member('m3', '3'), error: 'down' }])).toEqual([]);
  });
});

describe('etcd /metrics gauges', () => {
  const text = [
    '# HELP etcd_debugging_mvcc_watcher_total Total number of watchers.',
    '# TYPE etcd_debugging_mvcc_watcher_total gauge',
    'etcd_debugging_mvcc_watcher_total 7',
    'etcd_debugging_mvcc_watcher_total_extra 100',
    'etcd_debugging_mvcc_watch_stream_total 2',
    'etcd_debugging_mvcc_slow_watcher_total{shard="a"} 1',
    'etcd_debugging_mvcc_slow_watcher_total{shard="b"} 2',
  ].join('\n');

  it('reads the three watch gauges, summing label sets and ignoring longer names', () => {
    expect(watchGauges(text)).toEqual({ watchers: 7, watchStreams: 2, slowWatchers: 3 });
    expect(metricValue(text, 'etcd_missing_total')).toBeNull();
  });
});

describe('etcd alarms table', () => {
  it('names the member of each alarm and says what to do; no alarm is a note, not an empty answer', () => {
    const members = [member('m1', '1'), member('m2', '255')];
    const raised = alarmsTable([{ memberID: '255', alarm: 'Nospace' }], members);
    expect(raised.rows).toEqual([{ member: 'm2', memberId: 'ff', alarm: 'NOSPACE' }]);
    expect(raised.notes[0]!.fix).toBe('etcdctl alarm disarm');
    const none = alarmsTable([], members);
    expect(none).toMatchObject({ available: true, rows: [] });
    expect(none.notes).toEqual([
      { message: 'No alarm is raised on any member (etcd raises NOSPACE and CORRUPT).', fix: null },
    ]);
  });
});
