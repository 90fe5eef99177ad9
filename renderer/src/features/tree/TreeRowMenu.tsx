import { useEffect, useRef } from 'react';

/** One entry of a tree row's actions. */
export interface RowAction {
  id: string;
  label: string;
  run: () => void;
}

interface Props {
  path: string;
  x: number;
  y: number;
  actions: readonly RowAction[];
  onClose: () => void;
}

/** The actions of a tree row (its ⋯ button or a right click): a small menu closed by a click elsewhere or Escape. */
export function TreeRowMenu({ path, x, y, actions, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="tree-menu"
      role="menu"
      data-testid="tree-row-menu"
      data-path={path}
      style={{ left: x, top: y }}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          role="menuitem"
          className="tree-menu-item"
          data-testid={`tree-action-${action.id}`}
          onClick={() => {
            onClose();
            action.run();
          }}
        >
          {action.label}
        </button>
      ))}
    </div>
  );
}
