import { normalizeSessionId, type PathsBySession } from './zookeeper.facts.js';

/**
 * The ephemeral nodes per session from a `dump` answer: the part after `Sessions with Ephemerals (n):`,
 * a `0x…:` line per session and its paths below it after a tab, up to `Connections dump:`.
 */
export function parseDumpEphemerals(text: string): PathsBySession {
  const bySession: PathsBySession = new Map();
  const start = text.indexOf('Sessions with Ephemerals');
  if (start === -1) return bySession;
  const end = text.indexOf('Connections dump:', start);
  const part = text.slice(start, end === -1 ? undefined : end);
  let current: string[] | null = null;
  for (const line of part.split('\n').slice(1)) {
    const session = /^(0x[0-9a-f]+):\s*$/i.exec(line)?.[1];
    if (session !== undefined) {
      current = [];
      bySession.set(normalizeSessionId(session) ?? session, current);
    } else if (line.startsWith('\t/') && current !== null) {
      current.push(line.trim());
    }
  }
  return bySession;
}
