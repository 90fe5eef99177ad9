import { useEffect } from 'react';
import { useChildrenLevel, type ChildrenLevel } from '../../api/useChildrenLevel.js';

interface Props {
  connectionId: string;
  path: string;
  filter: string;
  /** Told every change of the level, and null once it is no longer expanded. */
  onLevel: (path: string, level: ChildrenLevel | null) => void;
}

/** Renders nothing; keeps one expanded node's children loaded (an infinite query) and reports them. */
export function TreeLevelQuery({ connectionId, path, filter, onLevel }: Props) {
  const { level, loadMore } = useChildrenLevel(connectionId, path, filter);
  useEffect(() => onLevel(path, { level, loadMore }), [path, level, loadMore, onLevel]);
  useEffect(() => () => onLevel(path, null), [path, onLevel]);
  return null;
}
