import { usePopupMenu } from '../../components/usePopupMenu.js';
import '../../components/PopupMenu.css';

/** One entry of a tab's menu. */
export interface TabMenuItem {
  id: string;
  label: string;
  run: () => void;
}

interface Props {
  label: string;
  x: number;
  y: number;
  items: readonly TabMenuItem[];
  onClose: () => void;
}

/** A tab's right-click menu: closed by a click elsewhere or Escape; focus starts on its first entry. */
export function TabMenu({ label, x, y, items, onClose }: Props) {
  const ref = usePopupMenu(onClose, { focusFirst: true });
  return (
    <div
      ref={ref}
      className="popup-menu tab-menu"
      role="menu"
      aria-label={label}
      data-testid="connection-tab-menu"
      style={{ left: x, top: y }}
    >
      {items.map((item) => (
        <button
          key={item.id}
          role="menuitem"
          className="popup-menu-item"
          data-testid={`tab-action-${item.id}`}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
