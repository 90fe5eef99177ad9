import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Focus for a modal dialog: it moves into the dialog when it opens (to `initial`, else its first control),
 * and goes back to what had it when the dialog closes. The returned handler keeps Tab and Shift+Tab
 * cycling inside the dialog.
 */
export function useDialogFocus(
  box: RefObject<HTMLElement | null>,
  initial?: RefObject<HTMLElement | null>,
): (event: KeyboardEvent) => void {
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = initial?.current ?? box.current?.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    return () => {
      // Back where the user was, unless that element went away meanwhile.
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, [box, initial]);

  return (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const index = focusable.indexOf(document.activeElement as HTMLElement);
    const next = event.shiftKey
      ? (index <= 0 ? focusable.length : index) - 1
      : index < 0 || index === focusable.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    focusable[next]?.focus();
  };
}
