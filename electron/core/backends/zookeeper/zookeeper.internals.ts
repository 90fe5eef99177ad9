import type { Client, Transaction } from 'node-zookeeper-client';

/**
 * The few private parts of node-zookeeper-client 1.1.x (lib/ConnectionManager.js) this driver relies on,
 * typed here once so that every use is visible in one place: the wire request queue (for the CONTAINER and
 * TTL creates the library lacks), the reply decoder (to survive error codes newer than the library) and
 * the socket (to make close() final while the server is away).
 */
export interface WireHeader {
  xid: number;
  /** The library picks the reply decoder from this and assigns `xid` just before sending. */
  type: number;
  byteLength(): number;
  serialize(buffer: Buffer, offset: number): number;
}

export interface WirePayload {
  setChrootPath(path: string | undefined): void;
  byteLength(): number;
  serialize(buffer: Buffer, offset: number): number;
}

export interface WireRequest {
  header: WireHeader;
  payload: WirePayload;
  toBuffer(): Buffer;
}

export interface WireResponse {
  payload: { path?: string } | null;
}

export interface PendingPacket {
  callback?: (error: unknown, response?: WireResponse) => void;
}

export interface ConnectionManagerInternals {
  /** Numeric: 2 = CONNECTED, -1 = CLOSING, -2 = CLOSED. */
  state: number;
  socket?: { destroy(): void };
  pendingQueue: PendingPacket[];
  pendingBuffer: Buffer | null;
  queue(request: WireRequest, callback: (error: unknown, response?: WireResponse) => void): void;
  onSocketData(buffer: Buffer): void;
  on(event: 'state', listener: (state: number) => void): void;
  off(event: 'state', listener: (state: number) => void): void;
}

export const MANAGER_STATE_CLOSED = -2;

/** The connection manager behind a client (a private field of the library). */
export function managerOf(client: Client): ConnectionManagerInternals {
  return (client as unknown as { connectionManager: ConnectionManagerInternals }).connectionManager;
}

/** An operation as a library Transaction queues it (lib/Transaction.js). */
export interface TransactionOp {
  type: number;
  path: string;
  version?: number;
}

/**
 * The queued operations of a library Transaction. Its setData, remove and check default the version with
 * `version || -1`, which turns version 0 (a node never written since its creation) into -1, "any
 * version": the guard would vanish. The driver writes the version onto the queued op itself.
 */
export function transactionOps(transaction: Transaction): TransactionOp[] {
  return (transaction as unknown as { ops: TransactionOp[] }).ops;
}
