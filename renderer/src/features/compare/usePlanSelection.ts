import { useCallback, useMemo, useState } from 'react';
import type { SyncPlanView } from '../../../../shared/model/compare.js';

type PlanItem = SyncPlanView['items'][number];

export interface PlanSelection {
  isChosen: (path: string) => boolean;
  /** How many items are checked. */
  count: number;
  toggle: (path: string) => void;
  selectAll: () => void;
  selectNone: () => void;
  /** The checked paths, in plan order. */
  chosenPaths: () => string[];
}

interface State {
  /** Whether an item is checked unless it is in `flipped`. */
  all: boolean;
  /** Items whose check mark differs from `all`: a few clicks on a plan of 100,000 copy a few paths, not 100,000. */
  flipped: ReadonlySet<string>;
}

const ALL: State = { all: true, flipped: new Set() };
const NONE: State = { all: false, flipped: new Set() };

/** Which items of a plan are checked (all of them at first); kept as "all/none except these" so it stays cheap. */
export function usePlanSelection(items: readonly PlanItem[]): PlanSelection {
  const [state, setState] = useState<State>(ALL);
  const toggle = useCallback(
    (path: string) =>
      setState((prev) => {
        const flipped = new Set(prev.flipped);
        if (flipped.has(path)) flipped.delete(path);
        else flipped.add(path);
        return { all: prev.all, flipped };
      }),
    [],
  );
  const selectAll = useCallback(() => setState(ALL), []);
  const selectNone = useCallback(() => setState(NONE), []);
  return useMemo(() => {
    const isChosen = (path: string) => state.all !== state.flipped.has(path);
    return {
      isChosen,
      count: state.all ? items.length - state.flipped.size : state.flipped.size,
      toggle,
      selectAll,
      selectNone,
      chosenPaths: () => items.filter((item) => isChosen(item.path)).map((item) => item.path),
    };
  }, [items, state, toggle, selectAll, selectNone]);
}
