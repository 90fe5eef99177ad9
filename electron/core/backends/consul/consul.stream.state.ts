import type { BackendStreamEvent, StreamValue } from '../../../../shared/model/event-stream.js';
import { streamValue } from '../kit/stream.value.js';
import { entryBytes } from './consul.kv.js';
import type { KvEntry } from './consul.schemas.js';

/** What a stream knows of one node: the key that holds its value, that key's ModifyIndex and the value. */
interface KnownNode {
  key: string;
  modifyIndex: string;
  value: StreamValue | null;
}

/**
 * The tree path of a key (`a/b` and the folder key `a/b/` are both `/a/b`, see consul.paths.ts); null for
 * keys that have no path (an empty level, `a//b` or `/x`).
 */
export function pathOfKey(key: string): string | null {
  const name = key.endsWith('/') ? key.slice(0, -1) : key;
  if (name.length === 0 || name.startsWith('/') || name.includes('//')) return null;
  return `/${name}`;
}

/** The value key of every node among `entries`: `a` when it exists, else the folder key `a/`. */
export function valueKeysByPath(entries: Iterable<KvEntry>): Map<string, KvEntry> {
  const byPath = new Map<string, KvEntry>();
  for (const entry of entries) {
    const path = pathOfKey(entry.Key);
    if (path === null) continue;
    const held = byPath.get(path);
    // The plain key wins over the folder key (the value rule of consul.paths.ts).
    if (held === undefined || held.Key.endsWith('/')) byPath.set(path, entry);
  }
  return byPath;
}

function change(
  type: 'created' | 'changed' | 'deleted',
  path: string,
  mark: string | null,
  before: KnownNode | undefined,
  after: KnownNode | undefined,
): BackendStreamEvent {
  return {
    type,
    path,
    mark,
    version: after?.modifyIndex ?? null,
    before: before?.value ?? null,
    beforeKnown: true,
    after: after?.value ?? null,
    detail: null,
  };
}

/**
 * The order mark of a change: the ModifyIndex of the key written. When the plain key `a` went and the older
 * folder key `a/` shows again, nothing was written to `a/`: the change is the delete, seen at the answer's index.
 */
function changeMark(before: KnownNode, after: KnownNode, answerIndex: string | null): string {
  const resurfaced = before.key !== after.key && BigInt(after.modifyIndex) < BigInt(before.modifyIndex);
  return resurfaced && answerIndex !== null ? answerIndex : after.modifyIndex;
}

function byMark(a: BackendStreamEvent, b: BackendStreamEvent): number {
  const x = BigInt(a.mark ?? '0');
  const y = BigInt(b.mark ?? '0');
  return x < y ? -1 : x > y ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The nodes a Consul stream has seen, and the events between two answers: a node is created, changed or
 * deleted only where the ModifyIndex of its value key really moved (or the key holding its value changed),
 * so an answer whose X-Consul-Index moved with nothing changed in view yields no event. Events come in
 * ModifyIndex order; a delete has no index of its own in Consul, so it carries the answer's index.
 */
export class StreamNodes {
  private nodes = new Map<string, KnownNode>();

  /** Takes the first state without events. */
  start(entries: Iterable<KvEntry>): void {
    this.nodes = new Map();
    for (const [path, entry] of valueKeysByPath(entries)) this.nodes.set(path, this.known(entry, undefined));
  }

  /** Compares the next state with the one kept, keeps the next one and answers the events between them. */
  advance(entries: Iterable<KvEntry>, answerIndex: string | null): BackendStreamEvent[] {
    const next = new Map<string, KnownNode>();
    const events: BackendStreamEvent[] = [];
    for (const [path, entry] of valueKeysByPath(entries)) {
      const before = this.nodes.get(path);
      const after = this.known(entry, before);
      next.set(path, after);
      if (before === undefined) events.push(change('created', path, after.modifyIndex, before, after));
      else if (before !== after)
        events.push(change('changed', path, changeMark(before, after, answerIndex), before, after));
    }
    for (const [path, before] of this.nodes) {
      if (!next.has(path)) events.push(change('deleted', path, answerIndex, before, undefined));
    }
    this.nodes = next;
    return events.sort(byMark);
  }

  /** The node kept (same object) when its value key and ModifyIndex did not move; else read afresh. */
  private known(entry: KvEntry, before: KnownNode | undefined): KnownNode {
    if (before !== undefined && before.key === entry.Key && before.modifyIndex === entry.ModifyIndex)
      return before;
    return { key: entry.Key, modifyIndex: entry.ModifyIndex, value: streamValue(entryBytes(entry)) };
  }
}
