import type palette from '../../i18n/locales/en/palette.json';
import type { AppTab } from '../layout/app-tabs.js';
import type { Shortcut } from './shortcut.js';

/** The palette's groups of commands (paths and recent nodes are items of their own, not commands). */
export type CommandGroup = 'tabs' | 'connections' | 'compare' | 'app';

type CommandTexts = typeof palette.command;
/** A command's title: a key of the `palette` catalogue. */
export type CommandTitleKey =
  `command.${Exclude<keyof CommandTexts, 'tab'>}` | `command.tab.${keyof CommandTexts['tab']}`;

/** One thing the user can do from the palette and, when it has a shortcut, from the keyboard anywhere. */
export interface Command {
  /** Stable: the palette's test ids and the key handler's lookups use it. */
  id: string;
  titleKey: CommandTitleKey;
  titleArgs?: Readonly<Record<string, string>>;
  group: CommandGroup;
  /** Shown beside the title (a connection's endpoints, the pair of the last compare); data, not a text. */
  detail?: string;
  run: () => void;
  shortcut?: Shortcut;
  /** The shortcut also works while typing in a text box or the editor (the palette's own, only). */
  whileTyping?: boolean;
  /** Listed in the shortcuts sheet but not offered in the palette (opening the palette from itself). */
  sheetOnly?: boolean;
}

/** What the commands do; the window (App) provides them. */
export interface CommandActions {
  togglePalette(): void;
  showShortcuts(): void;
  openSettings(): void;
  openTab(tab: AppTab): void;
  connect(profileId: string): void;
  compareAgain(): void;
}

/** The state the registry is built from. */
export interface CommandContext {
  tabs: readonly AppTab[];
  profiles: readonly { id: string; name: string; endpoints: readonly string[] }[];
  activeProfileId: string | null;
  /** The last compare's two sources described, or null when nothing was compared yet. */
  lastCompare: string | null;
  actions: CommandActions;
}

/** Alt+1…Alt+9 open the tabs in the order the header shows them. */
const TAB_SHORTCUTS = 9;

/**
 * The command registry of this moment: the palette lists it and the shortcuts sheet shows its shortcuts,
 * so both always tell the same things; the one key handler runs a command by its shortcut.
 */
export function buildCommands({
  tabs,
  profiles,
  activeProfileId,
  lastCompare,
  actions,
}: CommandContext): Command[] {
  const tabCommands = tabs.map((tab, index): Command => ({
    id: `tab:${tab}`,
    titleKey: `command.tab.${tab}`,
    group: 'tabs',
    run: () => actions.openTab(tab),
    ...(index < TAB_SHORTCUTS ? { shortcut: { key: String(index + 1), alt: true } } : {}),
  }));
  const connectionCommands = profiles
    .filter((profile) => profile.id !== activeProfileId)
    .map((profile): Command => ({
      id: `connection:${profile.id}`,
      titleKey: activeProfileId ? 'command.switchTo' : 'command.connect',
      titleArgs: { name: profile.name },
      detail: profile.endpoints.join(', '),
      group: 'connections',
      run: () => actions.connect(profile.id),
    }));
  const compareCommands: Command[] =
    lastCompare === null
      ? []
      : [
          {
            id: 'compare-again',
            titleKey: 'command.compareAgain',
            detail: lastCompare,
            group: 'compare',
            run: actions.compareAgain,
          },
        ];
  return [
    ...tabCommands,
    ...connectionCommands,
    ...compareCommands,
    {
      id: 'palette',
      titleKey: 'command.palette',
      group: 'app',
      run: actions.togglePalette,
      shortcut: { key: 'k', mod: true },
      whileTyping: true,
      sheetOnly: true,
    },
    {
      id: 'settings',
      titleKey: 'command.settings',
      group: 'app',
      run: actions.openSettings,
      shortcut: { key: ',', mod: true },
    },
    {
      id: 'shortcuts',
      titleKey: 'command.shortcuts',
      group: 'app',
      run: actions.showShortcuts,
      shortcut: { key: '?' },
    },
  ];
}

/** The command a key press is the shortcut of, if any (first wins: shortcuts are unique in the registry). */
export function commandForShortcut(
  commands: readonly Command[],
  matches: (shortcut: Shortcut) => boolean,
): Command | null {
  return commands.find((command) => command.shortcut && matches(command.shortcut)) ?? null;
}
