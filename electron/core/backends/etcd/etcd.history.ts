import { createHash } from 'node:crypto';
import type { IEvent, IKeyValue } from 'etcd3';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { HistoryEntry, HistoryVersion, ServerHistory } from '../../../../shared/model/history.js';
import type { HistoryApi } from '../backend.js';
import { oldestRevisionKept } from './etcd.compaction.js';
import { replayKeyEvents } from './etcd.history.replay.js';
import { resolvePath } from './etcd.paths.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

const md5 = (value: Buffer): string => createHash('md5').update(value).digest('hex');

/** A version of the key as etcd stored it (a put). */
function putEntry(kv: IKeyValue, note: string | null): HistoryEntry {
  const value = kv.value ?? Buffer.alloc(0);
  return {
    id: kv.mod_revision,
    source: 'server',
    time: null,
    operation: kv.version === '1' ? 'create' : 'update',
    md5: md5(value),
    author: null,
    revision: kv.mod_revision,
    version: kv.version,
    size: value.length,
    restorable: true,
    note,
  };
}

/** The deletion of the key at `revision` (a tombstone between two lives of the key). */
function deleteEntry(revision: string): HistoryEntry {
  return {
    id: revision,
    source: 'server',
    time: null,
    operation: 'delete',
    md5: null,
    author: null,
    revision,
    version: null,
    size: null,
    restorable: false,
    note: say(ETCD_SENTENCES, 'historyDeleted', { revision }),
  };
}

function entryOf(event: IEvent): HistoryEntry {
  return event.type === 'Delete' ? deleteEntry(event.kv.mod_revision) : putEntry(event.kv, null);
}

function keyOf(path: string): Buffer {
  const key = resolvePath(path).key;
  if (key === null) throw new AppError('NOT_FOUND', `${path} is a folder of the tree, not an etcd key.`);
  return key;
}

function revisionOf(id: string): bigint {
  if (!/^[0-9]+$/.test(id) || BigInt(id) < 1n)
    throw new AppError('INVALID_INPUT', `"${id}" is not an etcd revision.`);
  return BigInt(id);
}

const COMPACTED = /required revision has been compacted/i;

/**
 * A key's history as etcd keeps it: every put and delete of the key since the compacted revision, replayed by
 * a watch from the oldest revision kept (a read at create_revision-1 would find the key absent and miss its
 * earlier lives), plus the version the key held at that revision when it was written before it. Ids are
 * mod revisions (a deletion: the revision of the delete); etcd keeps no times or authors.
 */
export class EtcdHistory implements HistoryApi {
  constructor(private readonly rpc: EtcdRpc) {}

  async list(path: string, limit: number): Promise<ServerHistory> {
    const key = keyOf(path);
    const now = await this.rpc.range(`Reading ${path}`, { key });
    const current = now.kvs[0] ?? null;
    const readAt = BigInt(now.header.revision);
    const oldest = await oldestRevisionKept(this.rpc, key, 1n);
    const events = await replayKeyEvents(
      this.rpc,
      key,
      oldest,
      { currentModRevision: current === null ? null : BigInt(current.mod_revision), readAt },
      limit + 1,
    );
    const entries = events.map(entryOf);
    const notes: string[] = [];
    if (oldest > 1n && entries.length <= limit) {
      // The version the key held at the compaction, written before it, is still readable.
      const base = (await this.rpc.range(`Reading ${path}`, { key, revision: oldest.toString() })).kvs[0];
      if (base !== undefined && BigInt(base.mod_revision) < oldest)
        entries.unshift(
          putEntry(base, say(ETCD_SENTENCES, 'historyCompactedBase', { revision: oldest.toString() })),
        );
      notes.push(say(ETCD_SENTENCES, 'historyOlderCompacted', { revision: oldest.toString() }));
    }
    entries.reverse();
    if (entries.length > limit) {
      entries.length = limit;
      notes.push(say(ETCD_SENTENCES, 'historyNewestOnly', { limit: String(limit) }));
    }
    if (current !== null && entries[0]?.id === current.mod_revision)
      entries[0].note = say(ETCD_SENTENCES, 'historyCurrent');
    return { entries, notes };
  }

  async get(path: string, id: string): Promise<HistoryVersion> {
    const key = keyOf(path);
    const revision = revisionOf(id);
    const kv = await this.readAt(path, key, revision);
    if (kv !== null && kv.mod_revision === id)
      return { ...putEntry(kv, null), valueBase64: (kv.value ?? Buffer.alloc(0)).toString('base64') };
    if (kv === null && revision > 1n && (await this.readAt(path, key, revision - 1n)) !== null)
      return { ...deleteEntry(id), valueBase64: null };
    throw new AppError('NOT_FOUND', `${path} has no version at revision ${id}.`);
  }

  /**
   * The key as it was at `revision`. Below the compaction only the version the key held at the compacted
   * revision is still readable (read there); any other is NOT_FOUND, naming the oldest revision kept.
   */
  private async readAt(path: string, key: Buffer, revision: bigint): Promise<IKeyValue | null> {
    try {
      return await this.range(path, key, revision);
    } catch (error) {
      const cause = isAppError(error) && error.cause instanceof Error ? error.cause.message : '';
      if (!COMPACTED.test(`${error instanceof Error ? error.message : ''} ${cause}`)) throw error;
      const oldest = await oldestRevisionKept(this.rpc, key, revision);
      const held = await this.range(path, key, oldest);
      if (held !== null && BigInt(held.mod_revision) <= revision) return held;
      throw new AppError(
        'NOT_FOUND',
        `Revision ${revision} of ${path} was compacted; the oldest revision kept is ${oldest}.`,
      );
    }
  }

  private async range(path: string, key: Buffer, revision: bigint): Promise<IKeyValue | null> {
    const what = `Reading ${path} at revision ${revision}`;
    const response = await this.rpc.range(what, { key, revision: revision.toString() });
    return response.kvs[0] ?? null;
  }
}
