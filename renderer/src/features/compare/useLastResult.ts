import { useState } from 'react';

/**
 * `value` when it is defined, else the last defined value seen under the same scope. A new filter is a new
 * query key with no data yet: this keeps the previous result on screen meanwhile instead of unmounting the
 * list and the filter box the user is typing in.
 */
export function useLastResult<T>(value: T | undefined, scope: string | null): T | undefined {
  const [kept, setKept] = useState<{ scope: string | null; value: T } | null>(null);
  if (value !== undefined && (kept?.value !== value || kept.scope !== scope)) setKept({ scope, value });
  if (value !== undefined) return value;
  return kept !== null && kept.scope === scope ? kept.value : undefined;
}
