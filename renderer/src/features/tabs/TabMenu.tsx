import { useEffect, useRef } from 'react';

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
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
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
      className="tab-menu"
      role="menu"
      aria-label={label}
      data-testid="connection-tab-menu"
      style={{ left: x, top: y }}
    >
      {items.map((item) => (
        <button
          key={item.id}
          role="menuitem"
          className="tab-menu-item"
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
