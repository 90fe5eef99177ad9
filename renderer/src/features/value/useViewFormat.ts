import { usePref, useSetPref } from '../../api/usePref.js';
import { isValueFormat, viewPrefKey, type ValueFormat } from '../../lib/value-format.js';

/** The view chosen for one node (remembered per connection and path), else the detected one. */
export function useViewFormat(connectionId: string, path: string, detected: ValueFormat) {
  const key = viewPrefKey(connectionId, path);
  const pref = usePref(key);
  const setPref = useSetPref();
  const raw = pref.data?.value;
  const stored = isValueFormat(raw) ? raw : null;
  return {
    format: stored ?? detected,
    remembered: stored !== null,
    ready: !pref.isPending,
    setFormat: (format: ValueFormat) => setPref.mutate({ key, value: format }),
  };
}
