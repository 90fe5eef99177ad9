import { normalizeSessionId, type ClientConnection } from './zookeeper.facts.js';

const LINE = /^\s*\/?(.+):(\d+)\[\d+\]\((.*)\)\s*$/;

function fieldsOf(list: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const pair of list.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) fields.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return fields;
}

function num(fields: Map<string, string>, name: string): number | null {
  const text = fields.get(name);
  if (text === undefined) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Parses a `cons` answer, one connection a line:
 * ` /127.0.0.1:56032[1](queued=0,recved=5,sent=5,sid=0x1000012183b0002,lop=PING,…,minlat=0,avglat=2,maxlat=4)`.
 * Connections without a session yet (the one asking `cons` among them) are left out.
 */
export function parseCons(text: string): ClientConnection[] {
  const connections: ClientConnection[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (match === null) continue;
    const [, host = '', port = '', list = ''] = match;
    const fields = fieldsOf(list);
    const sessionId = normalizeSessionId(fields.get('sid') ?? '');
    if (sessionId === null) continue;
    connections.push({
      client: `${host}:${port}`,
      sessionId,
      lastOperation: fields.get('lop') ?? null,
      queued: num(fields, 'queued'),
      received: num(fields, 'recved'),
      sent: num(fields, 'sent'),
      latencyMin: num(fields, 'minlat'),
      latencyAvg: num(fields, 'avglat'),
      latencyMax: num(fields, 'maxlat'),
      timeoutMs: num(fields, 'to'),
      established: num(fields, 'est'),
    });
  }
  return connections;
}
