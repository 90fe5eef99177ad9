import { useEffect, useRef } from 'react';
import { commandForShortcut, type Command } from './commands.js';
import { matchesShortcut } from './shortcut.js';
import { isTypingTarget, openModal } from './typing-target.js';

/** Marks the palette's own dialog: its shortcut closes it again. */
export const PALETTE_DIALOG_ATTRIBUTE = 'data-command-palette';

/**
 * The window's one key handler for the registry's shortcuts. It listens in the capture phase so that
 * Ctrl+K reaches the palette even from Monaco (which would start a chord with it); other shortcuts leave
 * typing alone and wait while a dialog is open.
 */
export function useShortcutKeys(commands: readonly Command[], mac: boolean): void {
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandForShortcut(latest.current, (shortcut) => matchesShortcut(event, shortcut, mac));
      if (!command) return;
      if (!command.whileTyping && isTypingTarget(event.target)) return;
      const modal = openModal();
      if (modal && !(command.whileTyping && modal.hasAttribute(PALETTE_DIALOG_ATTRIBUTE))) return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) command.run();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [mac]);
}
