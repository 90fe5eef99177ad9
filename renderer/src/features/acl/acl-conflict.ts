import type { AppError } from '../../../../shared/errors.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { AclEntrySchema } from '../../../../shared/model/node.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';

/** The server's ACL a CONFLICT carried: its entries and the ACL version to overwrite it at. */
export interface ServerAcl {
  entries: AclEntry[];
  aclVersion: number;
}

/**
 * The ACL now on the server, from a CONFLICT of acl.set (its value is the entries as JSON text, its token
 * the ACL version); null when the error carries none (the node is gone).
 */
export function aclConflictOf(error: AppError): ServerAcl | null {
  const details = error.conflict;
  if (!details?.currentValueBase64 || details.currentToken === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8Lenient(base64ToBytes(details.currentValueBase64)));
  } catch {
    return null;
  }
  const parsed = AclEntrySchema.array().safeParse(json);
  const aclVersion = Number(details.currentToken);
  return parsed.success && Number.isInteger(aclVersion) ? { entries: parsed.data, aclVersion } : null;
}
