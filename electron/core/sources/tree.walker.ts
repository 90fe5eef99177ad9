import { isAppError } from '../../../shared/errors.js';
import type { ChildEntry, NodeValue } from '../../../shared/model/node.js';
import type { BackendSession } from '../backends/backend.js';
import { cancelled, throwIfCancelled } from '../sync/job.js';
import { Limiter } from '../sync/limiter.js';
import { relativePath, type KeyMeta, type WalkOptions, type WalkSink } from './source.js';

/** Children asked for per listChildren page. */
const PAGE_SIZE = 1000;
/** Folders listed at once. */
const LIST_WINDOW = 4;
/** Values read at once: enough to keep one ZooKeeper socket or one gRPC channel busy. */
const READ_WINDOW = 128;

export interface WalkTuning {
  pageSize?: number;
  listWindow?: number;
  readWindow?: number;
}

interface FolderTask {
  path: string;
  /** Set when the node's child count was unknown: whether it is a key is decided once it is listed. */
  undecided: ChildEntry | null;
}

function isNotFound(error: unknown): boolean {
  return isAppError(error) && error.code === 'NOT_FOUND';
}

/** The metadata a snapshot or a metadata comparison keeps. */
export function keyMetaOf(value: NodeValue): KeyMeta {
  return { fields: Object.fromEntries(value.meta.map((row) => [row.key, row.value])), acls: value.acls };
}

/**
 * Walks the subtree below `root` through the driver interface only: folders are listed page by page
 * (a few at once), values are fetched with a bounded window, and what is found goes to `sink`. A node
 * is a key when it has a non-empty value or no children (see key.rule.ts). A missing root is an empty
 * tree; nodes deleted while walking are skipped.
 */
export async function walkTree(
  session: BackendSession,
  root: string,
  options: WalkOptions,
  sink: WalkSink,
  signal?: AbortSignal,
  tuning: WalkTuning = {},
): Promise<void> {
  const pageSize = tuning.pageSize ?? PAGE_SIZE;
  const listWindow = tuning.listWindow ?? LIST_WINDOW;
  const reads = new Limiter(tuning.readWindow ?? READ_WINDOW, signal);

  const readKey = async (entry: ChildEntry, requireValue: boolean): Promise<void> => {
    let value: NodeValue;
    try {
      value = await session.get(entry.path, { maxBytes: 0 });
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
    const path = relativePath(root, entry.path);
    if (!value.hasValue) return;
    if (requireValue && value.size === 0) {
      sink.folder(path);
      return;
    }
    sink.key({
      path,
      value: Buffer.from(value.valueBase64, 'base64'),
      token: value.token,
      ephemeral: entry.ephemeral,
      meta: options.withMetadata ? keyMetaOf(value) : null,
    });
  };

  /** Decides what one listed child is: a key (read its value), a folder (descend), or both. */
  const visit = async (entry: ChildEntry, queue: FolderTask[], pump: () => void): Promise<void> => {
    const relative = relativePath(root, entry.path);
    if (options.ignore(relative) || (entry.ephemeral && options.skipEphemeral)) return;
    const children = entry.childCount;
    const descend = (undecided: ChildEntry | null): void => {
      queue.push({ path: entry.path, undecided });
      pump();
    };
    if (!entry.hasValue) {
      sink.folder(relative);
      descend(null);
    } else if (children === 0) {
      await reads.run(() => readKey(entry, false));
    } else if (children === null) {
      descend(entry);
    } else {
      // Children and a value: a key unless the value is empty (known from the listing or read to tell).
      descend(null);
      if (entry.dataLength === 0) sink.folder(relative);
      else await reads.run(() => readKey(entry, true));
    }
  };

  /** After listing a node whose child count was unknown: a key when childless or holding a value. */
  const decide = async (entry: ChildEntry, children: number): Promise<void> => {
    if (children > 0 && entry.dataLength === 0) sink.folder(relativePath(root, entry.path));
    else await reads.run(() => readKey(entry, children > 0));
  };

  /** Lists one folder page by page; returns how many children it had. */
  const listFolder = async (task: FolderTask, queue: FolderTask[], pump: () => void): Promise<number> => {
    let cursor: string | null = null;
    let seen = 0;
    do {
      throwIfCancelled(signal);
      const page = await session.listChildren(task.path, { cursor, limit: pageSize, filter: null });
      seen += page.entries.length;
      for (const entry of page.entries) await visit(entry, queue, pump);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return seen;
  };

  await new Promise<void>((resolve, reject) => {
    const queue: FolderTask[] = [{ path: root, undecided: null }];
    let active = 0;
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    const onAbort = (): void => fail(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    const pump = (): void => {
      while (!failed && active < listWindow && queue.length > 0) {
        const task = queue.pop()!;
        active += 1;
        listFolder(task, queue, pump)
          .then((children) => (task.undecided === null ? undefined : decide(task.undecided, children)))
          .catch((error: unknown) => {
            // The root missing means an empty tree; a folder deleted meanwhile has nothing left to visit.
            if (!isNotFound(error)) throw error;
          })
          .then(() => {
            active -= 1;
            pump();
          })
          .catch(fail);
      }
      if (!failed && active === 0 && queue.length === 0) {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }
    };
    pump();
  });
  await reads.drain();
}
