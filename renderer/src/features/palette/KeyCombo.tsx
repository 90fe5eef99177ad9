import { useTranslation } from 'react-i18next';
import { usePalette } from './palette-context.js';
import { shortcutParts, type Shortcut } from './shortcut.js';

/** Keys with a name or a symbol of their own in the catalogue; others show as typed (K, ?, 1). */
const NAMED_KEYS = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Enter',
  'Escape',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Tab',
] as const;
type NamedKey = (typeof NAMED_KEYS)[number];
const isNamed = (key: string): key is NamedKey => (NAMED_KEYS as readonly string[]).includes(key);

/** A shortcut as keycaps: ⌘ K on macOS, Ctrl K elsewhere. */
export function KeyCombo({ shortcut }: { shortcut: Shortcut }) {
  const { t } = useTranslation('palette');
  const { mac } = usePalette();
  const label = (part: string): string => {
    if (part === 'mod') return mac ? t('keys.modMac') : t('keys.mod');
    if (part === 'alt') return mac ? t('keys.altMac') : t('keys.alt');
    if (part === 'ctrl') return mac ? t('keys.ctrlMac') : t('keys.mod');
    if (part === 'shift') return mac ? t('keys.shiftMac') : t('keys.shift');
    if (isNamed(part)) return t(`keys.${part}`);
    return part.toUpperCase();
  };
  const parts = shortcutParts(shortcut).map(label);
  return (
    <span className="key-combo" data-keys={parts.join('+')}>
      {parts.map((part, index) => (
        <kbd key={index}>{part}</kbd>
      ))}
    </span>
  );
}
