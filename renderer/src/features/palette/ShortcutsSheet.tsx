import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from './commands.js';
import { KeyCombo } from './KeyCombo.js';
import { PaletteModal } from './PaletteModal.js';
import { VIEW_SHORTCUTS } from './view-shortcuts.js';

/** One group of shortcuts: an action and its keys per row, the column heads there for screen readers. */
function ShortcutTable({ caption, children }: { caption: string; children: ReactNode }) {
  const { t } = useTranslation('palette');
  return (
    <table className="shortcuts-table">
      <caption className="shortcuts-caption">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('sheet.action')}</th>
          <th scope="col">{t('sheet.keys')}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Every shortcut: the registry's commands (handled anywhere) and the keys the views handle themselves. */
export function ShortcutsSheet({ commands, onClose }: { commands: readonly Command[]; onClose: () => void }) {
  const { t } = useTranslation('palette');
  const withKeys = commands.filter((command) => command.shortcut);
  return (
    <PaletteModal
      title={t('sheet.title')}
      onClose={onClose}
      testId="shortcuts-sheet"
      className="shortcuts-sheet"
    >
      <div className="dialog-body shortcuts-body" tabIndex={0} aria-label={t('sheet.title')}>
        <ShortcutTable caption={t('sheet.commands')}>
          {withKeys.map((command) => (
            <tr key={command.id} data-testid="shortcut-row" data-id={command.id}>
              <td>{t(command.titleKey, command.titleArgs)}</td>
              <td>{command.shortcut && <KeyCombo shortcut={command.shortcut} />}</td>
            </tr>
          ))}
        </ShortcutTable>
        <ShortcutTable caption={t('sheet.views')}>
          {VIEW_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id} data-testid="shortcut-row" data-id={shortcut.id}>
              <td>{t(shortcut.titleKey)}</td>
              <td>
                {shortcut.keys.map((keys, index) => (
                  <Fragment key={index}>
                    {index > 0 && <span className="muted"> {t('sheet.or')} </span>}
                    <KeyCombo shortcut={keys} />
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </ShortcutTable>
      </div>
    </PaletteModal>
  );
}
