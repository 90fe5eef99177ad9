import { useEffect, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
const FIELDS = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The elements Tab can reach inside `box`, in document order (hidden ones left out). */
function tabbables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
}

/**
 * Keyboard focus for a modal dialog: it moves in on open (to the first field, else the dialog itself),
 * Tab and Shift+Tab cycle inside it rather than wander into the window behind the backdrop, and on close
 * it goes back to what had it before (the button that opened the dialog), if that is still on screen.
 */
export function useDialogFocus(boxRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (box.querySelector<HTMLElement>(FIELDS) ?? box).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      // Only the topmost dialog keeps focus: a prompt over a form owns the keyboard.
      const dialogs = document.querySelectorAll('[role=dialog][aria-modal=true]');
      if (dialogs[dialogs.length - 1] !== box) return;
      const inside = tabbables(box);
      if (inside.length === 0) {
        event.preventDefault();
        box.focus();
        return;
      }
      const first = inside[0]!;
      const last = inside[inside.length - 1]!;
      const current = document.activeElement;
      const outside = !(current instanceof Node) || !box.contains(current);
      if (event.shiftKey && (current === first || current === box || outside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (current === last || outside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      if (opener?.isConnected) opener.focus();
    };
  }, [boxRef]);
}
