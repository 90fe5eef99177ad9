import type { IAlarmMember } from 'etcd3';
import type { DiagnosticNote, DiagnosticTable } from '../../../../shared/model/diagnostics.js';
import { diagnosticColumns, diagnosticTitle } from '../../../../shared/labels/diagnostic-tables.js';
import { memberIdHex, type EtcdMember } from './etcd.members.js';

const COLUMNS: DiagnosticTable['columns'] = diagnosticColumns('alarms', [
  ['member', 'text'],
  ['memberId', 'mono'],
  ['alarm', 'text'],
]);

/** What an operator does about each alarm. */
const ADVICE: Record<string, DiagnosticNote> = {
  NOSPACE: {
    message:
      'NOSPACE: the database reached its quota and the cluster refuses writes until space is freed (compact, then defragment every member) and the alarm is disarmed.',
    fix: 'etcdctl alarm disarm',
  },
  CORRUPT: {
    message:
      "CORRUPT: a member's data differs from the others'; the cluster refuses writes. Replace the corrupt member from a healthy one's snapshot.",
    fix: null,
  },
};

/** The alarms table: one row per raised alarm, or no rows with a note saying that none is raised. */
export function alarmsTable(alarms: IAlarmMember[], members: EtcdMember[]): DiagnosticTable {
  const raised = alarms.filter((a) => a.alarm !== 'None');
  const rows = raised.map((a) => {
    const id = memberIdHex(a.memberID);
    return {
      member: members.find((m) => m.id === id)?.name || id,
      memberId: id,
      alarm: a.alarm.toUpperCase(),
    };
  });
  const kinds = [...new Set(rows.map((r) => r.alarm))];
  const notes =
    rows.length === 0
      ? [{ message: 'No alarm is raised on any member (etcd raises NOSPACE and CORRUPT).', fix: null }]
      : kinds.flatMap((kind) => (ADVICE[kind] ? [ADVICE[kind]] : []));
  return {
    id: 'alarms',
    ...diagnosticTitle('alarms'),
    available: true,
    reason: null,
    columns: COLUMNS,
    rows,
    more: null,
    notes,
  };
}

/** The alarms table when etcd did not list them. */
export function alarmsUnavailable(reason: string): DiagnosticTable {
  return {
    id: 'alarms',
    ...diagnosticTitle('alarms'),
    available: false,
    reason: { message: reason, fix: null },
    columns: COLUMNS,
    rows: [],
    more: null,
    notes: [],
  };
}
