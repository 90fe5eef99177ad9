import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from './commands.js';
import { KeyCombo } from './KeyCombo.js';
import { flatItems, paletteSections, type PaletteItem } from './palette-items.js';
import { PaletteModal } from './PaletteModal.js';
import type { RecentNodes } from './recent-nodes.js';
import { usePaletteCandidates } from './usePaletteCandidates.js';
import { PALETTE_DIALOG_ATTRIBUTE } from './useShortcutKeys.js';

interface Props {
  commands: readonly Command[];
  recent: RecentNodes;
  profiles: readonly { id: string; name: string }[];
  activeId: string | null;
  onBrowse: (connectionId: string, path: string) => void;
  onClose: () => void;
}

/**
 * The command palette: one box and the matching items in groups. ↑ ↓ move, Enter (or a click) runs the
 * item, → completes a path to go on below it, Escape closes; the box keeps focus (a combobox whose
 * listbox marks the active option with aria-activedescendant).
 */
export function CommandPalette({ commands, recent, profiles, activeId, onBrowse, onClose }: Props) {
  const { t } = useTranslation('palette');
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const candidates = usePaletteCandidates({ query, commands, recent, profiles, activeId, onBrowse });
  const sections = useMemo(() => paletteSections(query, candidates), [query, candidates]);
  const items = useMemo(() => flatItems(sections), [sections]);
  // Where each section's items start in the flat list (the option ids and the cursor count in it).
  const starts = useMemo(
    () => sections.map((_, i) => sections.slice(0, i).reduce((sum, s) => sum + s.items.length, 0)),
    [sections],
  );
  const active = Math.max(0, Math.min(cursor, items.length - 1));
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    document.getElementById(`${listId}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [listId, active, items]);

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };
  const type = (text: string) => {
    setQuery(text);
    setCursor(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = items.length;
    const caretAtEnd = event.currentTarget.selectionStart === event.currentTarget.value.length;
    const completion = items[active]?.completion;
    if (event.key === 'ArrowDown' && count > 0) setCursor((active + 1) % count);
    else if (event.key === 'ArrowUp' && count > 0) setCursor((active - 1 + count) % count);
    else if (event.key === 'Enter') choose(items[active]);
    else if (event.key === 'ArrowRight' && caretAtEnd && completion && completion !== query) {
      type(completion === '/' ? '/' : `${completion}/`);
    } else return;
    event.preventDefault();
  };

  return (
    <PaletteModal
      title={t('title')}
      titleHidden
      onClose={onClose}
      testId="command-palette"
      className="command-palette"
      marker={PALETTE_DIALOG_ATTRIBUTE}
    >
      <input
        className="input palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-label={t('title')}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
        placeholder={t('placeholder')}
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="palette-list" role="listbox" id={listId} aria-label={t('results')}>
        {sections.map((section, sectionIndex) => (
          <div key={section.group} role="group" aria-labelledby={`${listId}-${section.group}`}>
            <div id={`${listId}-${section.group}`} className="palette-group" role="presentation">
              {t(`group.${section.group}`)}
            </div>
            {section.items.map((item, itemIndex) => {
              const at = (starts[sectionIndex] ?? 0) + itemIndex;
              return (
                <div
                  key={item.id}
                  id={optionId(at)}
                  role="option"
                  aria-selected={at === active}
                  className="palette-option"
                  data-testid="palette-option"
                  data-id={item.id}
                  data-active={at === active}
                  onMouseMove={() => at !== active && setCursor(at)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(item)}
                >
                  <span
                    className={
                      item.group === 'paths' || item.group === 'recent'
                        ? 'palette-label mono'
                        : 'palette-label'
                    }
                  >
                    {item.label}
                  </span>
                  {item.detail && <span className="palette-detail">{item.detail}</span>}
                  {item.shortcut && <KeyCombo shortcut={item.shortcut} />}
                </div>
              );
            })}
          </div>
        ))}
        {items.length === 0 && (
          <div className="palette-empty" role="status" data-testid="palette-empty">
            {t('empty', { query })}
          </div>
        )}
      </div>
      <div className="palette-footer" aria-hidden="true">
        {t('footer')}
      </div>
    </PaletteModal>
  );
}
