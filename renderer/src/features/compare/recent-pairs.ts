import { z } from 'zod';
import { SourceRefSchema, type SourceRef } from '../../../../shared/model/compare.js';

/** The prefs key holding the last compared pairs, newest first. */
export const RECENT_PAIRS_KEY = 'compare:recent';
const MAX_RECENT = 5;

const RecentPairsSchema = z.array(z.object({ left: SourceRefSchema, right: SourceRefSchema }));
export type RecentPair = z.infer<typeof RecentPairsSchema>[number];

/** The stored pairs, or none when the preference is missing or malformed. */
export function parseRecentPairs(value: unknown): RecentPair[] {
  const parsed = RecentPairsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The list with `pair` moved to the front, without duplicates, at most five long. */
export function pushRecentPair(
  pairs: readonly RecentPair[],
  left: SourceRef,
  right: SourceRef,
): RecentPair[] {
  const key = JSON.stringify({ left, right });
  const rest = pairs.filter((p) => JSON.stringify({ left: p.left, right: p.right }) !== key);
  return [{ left, right }, ...rest].slice(0, MAX_RECENT);
}
