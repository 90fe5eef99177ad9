import { createHash } from 'node:crypto';
import { normalizeValue, type Normalization } from './value.normalize.js';

/** sha256 of the bytes, base64: what a plan pins and an apply checks. */
export function hashBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/**
 * What two values are compared by: the raw hash, or under normalisation the hash of the canonical
 * data. The prefix keeps the two kinds apart, so raw bytes never equal a canonical form by accident.
 */
export function comparisonHash(bytes: Buffer, rawHash: string, mode: Normalization): string {
  const normalized = normalizeValue(bytes, mode);
  if (normalized === null) return `r:${rawHash}`;
  return `n:${createHash('sha256').update(normalized, 'utf8').digest('base64')}`;
}
