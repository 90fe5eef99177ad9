import type { IAlarmMember } from 'etcd3';
import type { DiagnosticNote, DiagnosticTable } from '../../../../shared/model/diagnostics.js';
import { diagnosticColumns, diagnosticTitle } from '../../../../shared/labels/diagnostic-tables.js';
import { memberIdHex, type EtcdMember } from './etcd.members.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

const COLUMNS: DiagnosticTable['columns'] = diagnosticColumns('alarms', [
  ['member', 'text'],
  ['memberId', 'mono'],
  ['alarm', 'text'],
]);

/** What an operator does about each alarm. */
const ADVICE: Record<string, DiagnosticNote> = {
  NOSPACE: {
    message: say(ETCD_SENTENCES, 'alarmNoSpace'),
    fix: 'etcdctl alarm disarm',
  },
  CORRUPT: {
    message: say(ETCD_SENTENCES, 'alarmCorrupt'),
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
      ? [{ message: say(ETCD_SENTENCES, 'alarmsNone'), fix: null }]
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
