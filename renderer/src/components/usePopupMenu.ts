import { useEffect, useRef, type RefObject } from 'react';

/**
 * A small popup menu's dismissal: a mouse press outside it or Escape closes it. With `focusFirst`, focus
 * starts on its first menu item (a menu opened from the keyboard can be used from the keyboard).
 */
export function usePopupMenu(
  onClose: () => void,
  { focusFirst = false }: { focusFirst?: boolean } = {},
): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusFirst) ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
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
  }, [onClose, focusFirst]);
  return ref;
}
