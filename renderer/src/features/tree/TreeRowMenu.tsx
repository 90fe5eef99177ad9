import { usePopupMenu } from '../../components/usePopupMenu.js';
import '../../components/PopupMenu.css';

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
  const ref = usePopupMenu(onClose);
  return (
    <div
      ref={ref}
      className="popup-menu tree-menu"
      role="menu"
      data-testid="tree-row-menu"
      data-path={path}
      style={{ left: x, top: y }}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          role="menuitem"
          className="popup-menu-item"
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
