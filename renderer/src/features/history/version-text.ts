import type { HistoryVersion } from '../../../../shared/model/history.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';

/** A value on the wire as the text the diff shows. */
export function decodeValue(base64: string): string {
  return decodeUtf8Lenient(base64ToBytes(base64));
}

/** The text of a version, or null for a deletion or a value not kept whole. */
export function versionText(version: HistoryVersion): string | null {
  return version.valueBase64 === null ? null : decodeValue(version.valueBase64);
}
