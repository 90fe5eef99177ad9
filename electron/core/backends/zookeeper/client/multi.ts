import type { Chroot } from './chroot.js';
import { ZkMultiError, ZkCode } from './errors.js';
import type { JuteReader, JuteWriter } from './jute.js';
import { OpCode } from './protocol.js';
import { readStat, OPEN_ACL, type ZkAcl, type ZkStat } from './records.js';
import { createOpcode, writeCreate, type CreateMode, type Request } from './requests.js';

/**
 * multi and multiRead: a list of ops, each framed by a MultiHeader {type, done, err}, closed by a header
 * with done set. Versions go to the server as given: -1 is any version, 0 is version 0.
 */
export type MultiOp =
  | {
      op: 'create';
      path: string;
      data: Buffer;
      mode?: CreateMode;
      acl?: readonly ZkAcl[];
      ttlMs?: number;
    }
  | { op: 'setData'; path: string; data: Buffer; version: number }
  | { op: 'delete'; path: string; version: number }
  | { op: 'check'; path: string; version: number };

export type MultiResult =
  | { op: 'create'; path: string; stat: ZkStat | null }
  | { op: 'setData'; stat: ZkStat }
  | { op: 'delete' }
  | { op: 'check' };

export type ReadOp = { op: 'getData'; path: string } | { op: 'getChildren'; path: string };

export type ReadResult =
  | { op: 'getData'; data: Buffer; stat: ZkStat }
  | { op: 'getChildren'; children: string[] }
  /** multiRead answers each op on its own: a missing node is an error for that op only. */
  | { op: 'error'; code: number };

function opcodeOf(op: MultiOp): number {
  switch (op.op) {
    case 'create':
      return createOpcode(op.mode ?? 'persistent');
    case 'setData':
      return OpCode.setData;
    case 'delete':
      return OpCode.delete;
    case 'check':
      return OpCode.check;
  }
}

function writeOp(writer: JuteWriter, chroot: Chroot, op: MultiOp): void {
  writer.int(opcodeOf(op)).bool(false).int(-1);
  const path = chroot.toServer(op.path);
  switch (op.op) {
    case 'create':
      writeCreate(writer, path, op.data, op.mode ?? 'persistent', op.acl ?? OPEN_ACL, op.ttlMs);
      return;
    case 'setData':
      writer.ustring(path).data(op.data).int(op.version);
      return;
    case 'delete':
    case 'check':
      writer.ustring(path).int(op.version);
      return;
  }
}

function writeEnd(writer: JuteWriter): void {
  writer.int(-1).bool(true).int(-1);
}

/** Reads the per-op results; returns them with each op's error code (0 when it succeeded). */
function readResults<T>(
  reader: JuteReader,
  readOne: (type: number, reader: JuteReader) => T,
): Array<{ code: number; result: T | null }> {
  const results: Array<{ code: number; result: T | null }> = [];
  for (;;) {
    const type = reader.int();
    const done = reader.bool();
    reader.int();
    if (done) return results;
    if (type === OpCode.error) results.push({ code: reader.int(), result: null });
    else results.push({ code: 0, result: readOne(type, reader) });
  }
}

function readWriteResult(type: number, reader: JuteReader, chroot: Chroot): MultiResult {
  switch (type) {
    case OpCode.create:
      return { op: 'create', path: chroot.fromServer(reader.string()), stat: null };
    case OpCode.create2:
      return { op: 'create', path: chroot.fromServer(reader.string()), stat: readStat(reader) };
    case OpCode.setData:
      return { op: 'setData', stat: readStat(reader) };
    case OpCode.delete:
    case OpCode.deleteContainer:
      return { op: 'delete' };
    case OpCode.check:
      return { op: 'check' };
    default:
      throw new Error(`a multi result of unknown type ${type}`);
  }
}

function sizeOf(ops: ReadonlyArray<MultiOp | ReadOp>): number {
  let size = 16;
  for (const op of ops) size += 32 + op.path.length * 3 + ('data' in op ? op.data.length : 0);
  return size;
}

export function multiRequest(chroot: Chroot, ops: readonly MultiOp[]): Request<MultiResult[]> {
  return {
    op: 'multi',
    opcode: OpCode.multi,
    path: null,
    sizeHint: sizeOf(ops),
    write: (writer) => {
      for (const op of ops) writeOp(writer, chroot, op);
      writeEnd(writer);
    },
    read: (reader) => {
      const results = readResults(reader, (type, r) => readWriteResult(type, r, chroot));
      const failed = results.findIndex(
        ({ code }) => code !== ZkCode.OK && code !== ZkCode.RUNTIME_INCONSISTENCY,
      );
      if (failed !== -1) {
        throw new ZkMultiError(
          results[failed]!.code,
          failed,
          results.map(({ code }) => code),
          ops[failed]?.path ?? null,
        );
      }
      return results.map(({ result }) => result!);
    },
  };
}

export function multiReadRequest(chroot: Chroot, ops: readonly ReadOp[]): Request<ReadResult[]> {
  return {
    op: 'multiRead',
    opcode: OpCode.multiRead,
    path: null,
    sizeHint: sizeOf(ops),
    write: (writer) => {
      for (const op of ops) {
        writer
          .int(op.op === 'getData' ? OpCode.getData : OpCode.getChildren)
          .bool(false)
          .int(-1);
        writer.ustring(chroot.toServer(op.path)).bool(false);
      }
      writeEnd(writer);
    },
    read: (reader) =>
      readResults<ReadResult>(reader, (type, r) => {
        if (type === OpCode.getData)
          return { op: 'getData', data: r.data() ?? Buffer.alloc(0), stat: readStat(r) };
        if (type === OpCode.getChildren) return { op: 'getChildren', children: r.stringVector() };
        throw new Error(`a multiRead result of unknown type ${type}`);
      }).map(({ code, result }) => result ?? { op: 'error', code }),
  };
}
