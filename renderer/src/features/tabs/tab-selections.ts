import { useCallback, useRef } from 'react';

/** Each tab's selected node, as its browser last reported it (read when a compare starts from the tabs). */
export interface TabSelections {
  report: (connectionId: string, path: string | null) => void;
  selectedOf: (connectionId: string) => string | null;
}

/** Kept in a ref: a selection change must not re-render every tab's browser. */
export function useTabSelections(): TabSelections {
  const selections = useRef(new Map<string, string>());
  const report = useCallback((connectionId: string, path: string | null) => {
    if (path === null) selections.current.delete(connectionId);
    else selections.current.set(connectionId, path);
  }, []);
  const selectedOf = useCallback((connectionId: string) => selections.current.get(connectionId) ?? null, []);
  return { report, selectedOf };
}
