import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnections } from '../../api/useConnections.js';
import { usePref } from '../../api/usePref.js';
import { parseRecentPairs, RECENT_PAIRS_KEY, type RecentPair } from '../compare/recent-pairs.js';
import { describeSource } from '../compare/source-ref.js';
import type { AppTab } from '../layout/app-tabs.js';
import { useSession } from '../session/SessionProvider.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { buildCommands, type CommandActions } from './commands.js';
import { CommandPalette } from './CommandPalette.js';
import { PaletteContext, type PaletteApi } from './palette-context.js';
import { isMacPlatform } from './shortcut.js';
import { ShortcutsSheet } from './ShortcutsSheet.js';
import { useRecentNodes } from './useRecentNodes.js';
import { useShortcutKeys } from './useShortcutKeys.js';
import './Palette.css';

interface Props {
  /** The tabs the open connection has, in the header's order. */
  tabs: readonly AppTab[];
  onTab: (tab: AppTab) => void;
  /** Reveals a node in the browser (connecting first when it is on another saved connection). */
  onBrowse: (connectionId: string, path: string) => void;
  /** Starts this compare again in the Compare tab. */
  onCompareAgain: (pair: RecentPair) => void;
  children: ReactNode;
}

type Open = 'palette' | 'shortcuts' | 'settings' | null;

/**
 * The window's commands: builds the registry from what is open, runs its shortcuts from one key handler,
 * and shows the palette, the shortcuts sheet and (for its command) the settings dialog.
 */
export function PaletteProvider({ tabs, onTab, onBrowse, onCompareAgain, children }: Props) {
  const { t } = useTranslation('palette');
  const { active, connect } = useSession();
  const connections = useConnections().data;
  const profiles = useMemo(() => connections ?? [], [connections]);
  const recentPairs = usePref(RECENT_PAIRS_KEY).data?.value;
  const lastPair = useMemo(() => parseRecentPairs(recentPairs)[0] ?? null, [recentPairs]);
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const { recent, record } = useRecentNodes();
  const [mac] = useState(() => isMacPlatform(navigator.platform));
  const activeId = active?.profile.id ?? null;
  const commands = useMemo(() => {
    const actions: CommandActions = {
      togglePalette: () => setOpen((now) => (now === 'palette' ? null : 'palette')),
      showShortcuts: () => setOpen('shortcuts'),
      openSettings: () => setOpen('settings'),
      openTab: onTab,
      connect: (profileId) => {
        const profile = profiles.find((p) => p.id === profileId);
        if (profile) connect(profile);
      },
      compareAgain: () => lastPair && onCompareAgain(lastPair),
    };
    const snapshot = (file: string) => t('item.snapshotSource', { file });
    const lastCompare = lastPair
      ? t('item.compareDetail', {
          left: describeSource(lastPair.left, profiles, snapshot),
          right: describeSource(lastPair.right, profiles, snapshot),
        })
      : null;
    return buildCommands({ tabs, profiles, activeProfileId: activeId, lastCompare, actions });
  }, [tabs, profiles, activeId, lastPair, onTab, connect, onCompareAgain, t]);
  useShortcutKeys(commands, mac);

  const api = useMemo<PaletteApi>(
    () => ({
      openPalette: () => setOpen('palette'),
      showShortcuts: () => setOpen('shortcuts'),
      recordNode: record,
      mac,
    }),
    [record, mac],
  );

  return (
    <PaletteContext.Provider value={api}>
      {children}
      {open === 'palette' && (
        <CommandPalette
          commands={commands}
          recent={recent}
          profiles={profiles}
          activeId={activeId}
          onBrowse={onBrowse}
          onClose={close}
        />
      )}
      {open === 'shortcuts' && <ShortcutsSheet commands={commands} onClose={close} />}
      {open === 'settings' && <SettingsDialog onClose={close} />}
    </PaletteContext.Provider>
  );
}
