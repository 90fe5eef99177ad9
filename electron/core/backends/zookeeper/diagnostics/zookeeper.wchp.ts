import { normalizeSessionId, type SessionsByPath } from './zookeeper.facts.js';

/**
 * Parses `wchp`: a path at the start of a line, the sessions watching it below, each on a line of its own
 * after a tab. The server lists every watch it keeps on a path alike (a one-shot data watch, a persistent
 * watch, a persistent recursive watch); child watches are not listed at all.
 */
export function parseWchp(text: string): SessionsByPath {
  const byPath: SessionsByPath = new Map();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('/')) {
      current = [];
      byPath.set(line.trimEnd(), current);
      continue;
    }
    const id = normalizeSessionId(line);
    if (id !== null && current !== null) current.push(id);
  }
  return byPath;
}
