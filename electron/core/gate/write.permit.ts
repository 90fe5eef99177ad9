import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { WriteRule } from '../../../shared/contract/access.js';

declare const admitted: unique symbol;

/**
 * Proof that a write passed the write gate: every service method that changes a store takes one, so a
 * write cannot be started without going through WriteGate.admit (which alone makes them).
 */
export interface WritePermit {
  readonly [admitted]: true;
  /** The connection written to, as the gate checked it. */
  readonly profile: ConnectionProfile;
  /** The node written, or the root of a job's items. */
  readonly path: string;
  readonly rule: WriteRule;
}
