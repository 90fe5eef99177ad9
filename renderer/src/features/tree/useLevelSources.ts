import { useCallback, useMemo, useState } from 'react';
import type { ChildrenLevel } from '../../api/useChildrenLevel.js';
import type { TreeLevel } from './tree-level.js';

/** The expanded levels as their TreeLevelQuery components report them, for the one flattened tree. */
export interface LevelSources {
  levels: ReadonlyMap<string, TreeLevel>;
  /** What each TreeLevelQuery reports to: its level on every change, null once it is gone. */
  onLevel: (path: string, level: ChildrenLevel | null) => void;
  /** Asks for the next page of one level. */
  onLoadMore: (path: string) => void;
}

/** Collects the levels of the expanded nodes: each is its own infinite query, the tree needs them all. */
export function useLevelSources(): LevelSources {
  const [sources, setSources] = useState<ReadonlyMap<string, ChildrenLevel>>(() => new Map());
  const onLevel = useCallback((path: string, source: ChildrenLevel | null) => {
    setSources((previous) => {
      const next = new Map(previous);
      if (source) next.set(path, source);
      else next.delete(path);
      return next;
    });
  }, []);
  const levels = useMemo(
    () => new Map<string, TreeLevel>([...sources].map(([path, source]) => [path, source.level])),
    [sources],
  );
  const onLoadMore = useCallback((path: string) => sources.get(path)?.loadMore(), [sources]);
  return { levels, onLevel, onLoadMore };
}
