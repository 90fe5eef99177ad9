import { useCallback, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionProvider.js';
import type { ActiveSession } from '../session/active-session.js';
import { compareChoices, type CompareRequest } from './compare-from-tabs.js';
import { TabMenu, type TabMenuItem } from './TabMenu.js';
import { useTabShortcuts } from './useTabShortcuts.js';
import './ConnectionTabs.css';

interface Props {
  /** Each tab's selected node (for "Compare with…"). */
  selectedOf: (connectionId: string) => string | null;
  onCompare: (request: CompareRequest) => void;
}

interface OpenMenu {
  session: ActiveSession;
  x: number;
  y: number;
}

/**
 * The open connections as tabs under the header: environment dot and name, a close button (middle-click
 * closes too), arrow keys between tabs, and a right-click menu to compare with another tab or close.
 */
export function ConnectionTabs({ selectedOf, onCompare }: Props) {
  const { t } = useTranslation('tabs');
  const { sessions, active, activate, close } = useSession();
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  useTabShortcuts();
  if (sessions.length === 0) return null;

  const ids = sessions.map((s) => s.profile.id);
  const nameOf = (id: string) => sessions.find((s) => s.profile.id === id)?.profile.name ?? id;
  const menuItems = (session: ActiveSession): TabMenuItem[] => {
    const id = session.profile.id;
    const compares = compareChoices(id, ids, selectedOf).map((choice) => ({
      id: `compare-${choice.kind}`,
      label:
        choice.kind === 'samePath'
          ? t('menu.compareSamePath', { path: choice.path, other: nameOf(choice.otherId) })
          : t('menu.compareSelected', { other: nameOf(choice.otherId), otherPath: choice.otherPath }),
      run: () => onCompare(choice.request),
    }));
    return [
      ...compares,
      { id: 'close', label: t('menu.close'), run: () => close(id) },
      ...(ids.length > 1
        ? [
            {
              id: 'close-others',
              label: t('menu.closeOthers'),
              run: () => ids.filter((other) => other !== id).forEach(close),
            },
          ]
        : []),
    ];
  };

  // Left/Right/Home/End move between tabs as in any tab list (the tab reached is shown at once); Delete
  // closes the focused tab, the keyboard's way to the × that stays out of the tab order.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = ids.indexOf(active?.profile.id ?? '');
    if (event.key === 'Delete' && active) {
      event.preventDefault();
      close(active.profile.id);
      return;
    }
    const target =
      event.key === 'ArrowRight'
        ? ids[(index + 1) % ids.length]
        : event.key === 'ArrowLeft'
          ? ids[(index - 1 + ids.length) % ids.length]
          : event.key === 'Home'
            ? ids[0]
            : event.key === 'End'
              ? ids.at(-1)
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    activate(target);
    event.currentTarget.querySelector<HTMLElement>(`[data-connection-id="${target}"] [role=tab]`)?.focus();
  };

  const onAuxClick = (event: MouseEvent, id: string) => {
    if (event.button !== 1) return;
    event.preventDefault();
    close(id);
  };

  return (
    <>
      <div
        className="connection-tabs"
        role="tablist"
        aria-label={t('strip.label')}
        title={t('strip.shortcuts')}
        data-testid="connection-tabs"
        onKeyDown={onKeyDown}
      >
        {sessions.map((session) => {
          const id = session.profile.id;
          const selected = id === active?.profile.id;
          return (
            <div
              key={id}
              className="connection-tab"
              data-testid="connection-tab"
              data-connection-id={id}
              data-name={session.profile.name}
              data-env={session.profile.environment}
              data-active={selected}
              onAuxClick={(event) => onAuxClick(event, id)}
              onMouseDown={(event) => event.button === 1 && event.preventDefault()}
              onContextMenu={(event) => {
                event.preventDefault();
                setMenu({ session, x: event.clientX, y: event.clientY });
              }}
            >
              <button
                role="tab"
                aria-selected={selected}
                aria-controls={`connection-pane-${id}`}
                id={`connection-tab-${id}`}
                tabIndex={selected ? 0 : -1}
                className="connection-tab-main"
                data-testid="connection-tab-select"
                onClick={() => activate(id)}
              >
                <span className="conn-env-dot" data-env={session.profile.environment} />
                <span className="connection-tab-name">{session.profile.name}</span>
              </button>
              {/* A tab list holds only tabs: the × is for the mouse (out of the tab order and the accessibility
                tree), the keyboard closes the focused tab with Delete. */}
              <button
                className="connection-tab-close"
                data-testid="connection-tab-close"
                aria-hidden="true"
                title={t('strip.closeTitle')}
                tabIndex={-1}
                onClick={() => close(id)}
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      {/* Beside the tab list, not in it: a tab list holds only tabs. */}
      {menu && (
        <TabMenu
          label={t('strip.menuLabel', { name: menu.session.profile.name })}
          x={menu.x}
          y={menu.y}
          items={menuItems(menu.session)}
          onClose={closeMenu}
        />
      )}
    </>
  );
}
