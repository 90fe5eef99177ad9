import { useTranslation } from 'react-i18next';
import { KeyCombo } from './KeyCombo.js';
import { usePalette } from './palette-context.js';

/** The header's way to the palette with the mouse; it shows the shortcut too. */
export function PaletteButton() {
  const { t } = useTranslation('palette');
  const { openPalette } = usePalette();
  return (
    <button
      className="btn btn-sm btn-ghost header-palette"
      data-testid="header-palette"
      aria-haspopup="dialog"
      title={t('title')}
      onClick={openPalette}
    >
      {t('button')} <KeyCombo shortcut={{ key: 'k', mod: true }} />
    </button>
  );
}
