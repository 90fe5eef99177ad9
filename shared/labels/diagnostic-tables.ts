import type { DiagnosticColumn, DiagnosticTable } from '../model/diagnostics.js';
import { fillPlaceholders } from './placeholders.js';

/**
 * The English title and column labels of every kind of diagnostics table (`DiagnosticTable.kind`). Columns
 * are per table: one key may be labelled differently in two tables (`client` is a Client IP for Nacos). The
 * UI shows `coreLabels:diagnosticTable.<kind>.title` and `….columns.<key>`; `{{subject}}` is the table's
 * subject. The unit test keeps the English catalogue equal to this table.
 */
export const DIAGNOSTIC_TABLE_LABELS = {
  // ZooKeeper four-letter words.
  cons: {
    title: 'Connections to {{subject}}',
    columns: {
      client: 'Client',
      session: 'Session',
      lastOperation: 'Last operation',
      latencyMin: 'Latency min',
      latencyAvg: 'Latency avg',
      latencyMax: 'Latency max',
      queued: 'Queued',
      received: 'Received',
      sent: 'Sent',
      timeoutMs: 'Session timeout',
      established: 'Established',
    },
  },
  wchs: {
    title: 'Watches per member',
    columns: { member: 'Member', connections: 'Connections watching', paths: 'Paths', watches: 'Watches' },
  },
  // etcd.
  alarms: {
    title: 'Alarms',
    columns: { member: 'Member', memberId: 'Member id', alarm: 'Alarm' },
  },
  'watch-gauges': {
    title: 'Watchers and watch streams (/metrics)',
    columns: {
      member: 'Member',
      watchers: 'Watchers',
      watchStreams: 'Watch streams',
      slowWatchers: 'Slow watchers',
      error: 'Not answered',
    },
  },
  // Consul.
  members: {
    title: 'LAN members',
    columns: {
      name: 'Node',
      address: 'Gossip address',
      role: 'Role',
      status: 'Status',
      datacenter: 'Datacenter',
      version: 'Version',
    },
  },
  sessions: {
    title: 'Sessions and the keys they lock',
    columns: {
      id: 'Session',
      name: 'Name',
      node: 'Node',
      checks: 'Checks',
      behavior: 'Behavior',
      ttl: 'TTL',
      locks: 'Locked keys',
    },
  },
  'blocking-queries': {
    title: 'Blocking queries',
    columns: { gauge: 'Gauge', value: 'Blocking queries', interval: 'Interval' },
  },
  // Nacos.
  'listeners-by-ip': {
    title: 'Config listeners by client IP',
    columns: { client: 'Client IP', config: 'Config', md5: 'MD5 held' },
  },
  subscribers: {
    title: 'Subscribers of services',
    columns: {
      service: 'Service',
      group: 'Group',
      namespace: 'Namespace',
      client: 'Subscriber',
      agent: 'Agent',
    },
  },
} as const;
export type DiagnosticTableKind = keyof typeof DIAGNOSTIC_TABLE_LABELS;
export type DiagnosticColumnKey<K extends DiagnosticTableKind> =
  keyof (typeof DIAGNOSTIC_TABLE_LABELS)[K]['columns'];

/** Whether a kind from the core is one of the labelled tables. */
export function isDiagnosticTableKind(kind: string): kind is DiagnosticTableKind {
  return Object.hasOwn(DIAGNOSTIC_TABLE_LABELS, kind);
}

/** The columns of a table of `kind`, in the order given, labelled from their keys. */
export function diagnosticColumns<K extends DiagnosticTableKind>(
  kind: K,
  formats: ReadonlyArray<readonly [DiagnosticColumnKey<K> & string, DiagnosticColumn['format']]>,
): DiagnosticColumn[] {
  const labels: Record<string, string> = DIAGNOSTIC_TABLE_LABELS[kind].columns;
  return formats.map(([key, format]) => ({ key, label: labels[key]!, format }));
}

/** The naming part of a table of `kind`: its kind, subject and English title. */
export function diagnosticTitle(
  kind: DiagnosticTableKind,
  subject: string | null = null,
): Pick<DiagnosticTable, 'kind' | 'subject' | 'title'> {
  const title = fillPlaceholders(DIAGNOSTIC_TABLE_LABELS[kind].title, { subject: subject ?? '' });
  return { kind, subject, title };
}
