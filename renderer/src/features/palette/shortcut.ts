/**
 * A key combination. `mod` is ⌘ on macOS and Ctrl elsewhere; `key` is a KeyboardEvent key ('k', '?',
 * ',', 'ArrowUp', 'Enter') — letters and digits are matched by their physical key, so Alt+1 still matches
 * on a Mac (where it types ¡) and Ctrl+K on a non-Latin layout.
 */
export interface Shortcut {
  key: string;
  mod?: boolean;
  alt?: boolean;
  /** The Control key itself, also on macOS (Ctrl+Tab between connection tabs); only views' keys use it. */
  ctrl?: boolean;
  shift?: boolean;
}

/** What a keydown tells about the keys (a KeyboardEvent fits). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Whether this platform string (navigator.platform or userAgentData.platform) is a Mac's. */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** Whether the key press is the shortcut (the other platform's modifier held means it is not). */
export function matchesShortcut(press: KeyPress, shortcut: Shortcut, mac: boolean): boolean {
  const modHeld = mac ? press.metaKey : press.ctrlKey;
  const otherHeld = mac ? press.ctrlKey : press.metaKey;
  if (modHeld !== Boolean(shortcut.mod) || otherHeld || press.altKey !== Boolean(shortcut.alt)) return false;
  const key = shortcut.key;
  if (/^[0-9]$/.test(key)) return press.code === `Digit${key}`;
  if (/^[a-z]$/.test(key)) return press.code === `Key${key.toUpperCase()}` || press.key.toLowerCase() === key;
  // Punctuation by what it types: `?` is Shift+/ on one layout and another key elsewhere.
  return press.key === key;
}

/** The parts a shortcut is shown as, in order: modifier names ('mod', 'alt') then the key. */
export function shortcutParts(shortcut: Shortcut): string[] {
  return [
    ...(shortcut.ctrl ? ['ctrl'] : []),
    ...(shortcut.mod ? ['mod'] : []),
    ...(shortcut.alt ? ['alt'] : []),
    ...(shortcut.shift ? ['shift'] : []),
    shortcut.key,
  ];
}

/** The same combination (for finding which command a shortcut belongs to). */
export function sameShortcut(a: Shortcut, b: Shortcut): boolean {
  return a.key === b.key && Boolean(a.mod) === Boolean(b.mod) && Boolean(a.alt) === Boolean(b.alt);
}
