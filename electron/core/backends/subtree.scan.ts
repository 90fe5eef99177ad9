import { AppError } from '../../../shared/errors.js';
import type { BackendSession } from './backend.js';

/** A node as a bulk subtree scan returns it. */
export interface ScannedNode {
  /** Absolute path in the store. */
  path: string;
  /** The node's own value, or null when it has none (a prefix with keys below it only). */
  value: Buffer | null;
  /** Concurrency token of the value (ZooKeeper version, etcd mod_revision). */
  token: string | null;
  /** Direct children, or null when the store does not know without listing (key/value stores). */
  childCount: number | null;
  ephemeral: boolean;
}

/** A key of a key/value store as a scan returns it: no child count (it would need a listing), never ephemeral. */
export function scannedKey(path: string, value: Buffer, token: string): ScannedNode {
  return { path, value, token, childCount: null, ephemeral: false };
}

export interface ScanOptions {
  /** Nodes per page (and per pipelined batch). */
  pageSize: number;
  /** Absolute paths not to visit (nor their subtrees, when the store can avoid reading them). */
  skip: (path: string) => boolean;
  signal?: AbortSignal;
}

/**
 * The optional fast path a driver can offer for whole-subtree work (diff, export): every node below a
 * path with its value, in pages, in as few round trips as the store allows (one range per page on
 * etcd, pipelined getData/getChildren on ZooKeeper). Optional on BackendSession: the walker uses it when a
 * session has it and falls back to listChildren + get.
 */
export interface SubtreeScanner {
  /** Every node strictly below `path`; a missing path scans as empty. */
  scanSubtree(path: string, options: ScanOptions): AsyncIterable<ScannedNode[]>;
}

/** Whether a session offers the bulk scan. */
export function canScanSubtree(session: BackendSession): session is BackendSession & SubtreeScanner {
  return typeof (session as Partial<SubtreeScanner>).scanSubtree === 'function';
}

/** Stops a long scan between pages once its caller cancelled it. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The operation was cancelled.');
}
