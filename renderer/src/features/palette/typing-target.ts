const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/**
 * Whether keys pressed on this element are typing (a text box, a select, Monaco, an editable element), so
 * that `?` or Alt+1 type or choose rather than run a command.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.monaco-editor, textarea, select, [contenteditable=""], [contenteditable="true"]')) {
    return true;
  }
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/** The modal dialog on screen, if any: global shortcuts wait while one is open (except closing the palette). */
export function openModal(): Element | null {
  const modals = document.querySelectorAll('[aria-modal="true"]');
  return modals[modals.length - 1] ?? null;
}
