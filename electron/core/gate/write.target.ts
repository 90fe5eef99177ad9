import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { AuditDetails } from '../../../shared/model/audit.js';

/** What a write call would change: what the gate checks, and what a refusal's audit entry names. */
export interface WriteTarget {
  /** The connection written to. */
  profile: ConnectionProfile;
  /** The node written (single-node writes) or the root of a job's items (the confirmation of a path rule). */
  path: string;
  /**
   * The value the call would write, for a refusal's audit entry: computed only when the gate refuses, so an
   * admitted write decodes its value once, where it writes it.
   */
  after?: () => Buffer | null;
  details?: AuditDetails;
}
