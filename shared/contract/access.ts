import { z } from 'zod';
import type { AuditOperation } from '../model/audit.js';

/**
 * What a user types to confirm a write on a prod connection: the path of the node it writes (a single-node
 * write: set, create, delete, rollback), or the connection's name (a job writing many items: a sync, an
 * import). One rule per kind of action, the same in the UI, the core and the CLI (whose --yes types the name).
 */
export type ConfirmRule = 'path' | 'connection';

/** A write's rule at the write gate: what confirms it on prod, and how it is named in the audit log. */
export interface WriteRule {
  readonly confirm: ConfirmRule;
  readonly operation: AuditOperation;
}

/**
 * How a contract method touches the world. Every method declares one; the core's write gate admits every
 * `write` method before its handler runs (read-only refused, prod confirmation, every refusal audited).
 */
export type MethodAccess =
  /** Reads stores or the app's own state, changes nothing. */
  | { readonly kind: 'read' }
  /** Changes only this machine's own state (profiles, preferences, jobs), never a store. */
  | { readonly kind: 'local' }
  /** Changes a store: passes the write gate. Its input carries `confirmation`. */
  | ({ readonly kind: 'write' } & WriteRule);

export const READS = { kind: 'read' } as const satisfies MethodAccess;
export const LOCAL = { kind: 'local' } as const satisfies MethodAccess;

/** The access of a write method. */
export function writes<C extends ConfirmRule, O extends AuditOperation>(
  confirm: C,
  operation: O,
): { readonly kind: 'write'; readonly confirm: C; readonly operation: O } {
  return { kind: 'write', confirm, operation };
}

/**
 * The confirmation every write method takes: on a prod connection the text its rule asks for (the path,
 * or the connection's name); elsewhere it may be left out.
 */
export const ConfirmationSchema = z.string().max(2000).optional();

/** The input of a write method: its fields plus `confirmation`. */
export function writeInput<S extends z.ZodRawShape>(shape: S) {
  return z.object({ ...shape, confirmation: ConfirmationSchema });
}
