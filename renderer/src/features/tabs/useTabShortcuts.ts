import { useEffect } from 'react';
import { useSession } from '../session/SessionProvider.js';

/**
 * Ctrl+Tab / Ctrl+Shift+Tab show the next / previous connection tab and Ctrl+1…9 a tab by number
 * (9 = last), as in browsers. Listened to in the capture phase so Monaco, which keeps Ctrl+digit for
 * itself, does not swallow them. In browser mode the browser may keep these keys for its own tabs; the
 * strip is always clickable.
 */
export function useTabShortcuts(): void {
  const { sessions, cycle, showDigit } = useSession();
  const several = sessions.length > 1;
  useEffect(() => {
    if (!several) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key === 'Tab') {
        event.preventDefault();
        cycle(event.shiftKey ? -1 : 1);
      } else if (!event.shiftKey && /^Digit[1-9]$/.test(event.code)) {
        event.preventDefault();
        showDigit(Number(event.code.slice(5)));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [several, cycle, showDigit]);
}
