import { useMemo } from 'react';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { childrenLevelQuery } from '../../api/tree.queries.js';
import { useClient } from '../../transport/ClientContext.js';
import type { Command } from './commands.js';
import { loadedNodes } from './loaded-nodes.js';
import type { PaletteCandidate } from './palette-items.js';
import { completionParent, typedTarget } from './path-candidates.js';
import type { RecentNodes } from './recent-nodes.js';

interface Sources {
  query: string;
  commands: readonly Command[];
  recent: RecentNodes;
  profiles: readonly { id: string; name: string }[];
  /** The open connection (its paths are offered), or null. */
  activeId: string | null;
  onBrowse: (connectionId: string, path: string) => void;
}

/** A plain word must be this long before loaded paths are offered for it (one letter matches everything). */
const MIN_PATH_QUERY = 2;

/**
 * What the palette offers for a query: the commands (unless a path is being typed), the recent nodes, and
 * paths of the open connection — the loaded children of the typed parent when the query is a path, else
 * any loaded node. The typed parent is listed once (its first page) when the tree has not loaded it yet.
 */
export function usePaletteCandidates({
  query,
  commands,
  recent,
  profiles,
  activeId,
  onBrowse,
}: Sources): PaletteCandidate[] {
  const { t, i18n } = useTranslation('palette');
  // Commands match their English titles too: many operators type English whatever the UI language.
  const english = useMemo(() => i18n.getFixedT('en', 'palette'), [i18n]);
  const queryClient = useQueryClient();
  const parent = activeId ? completionParent(query) : null;
  const parentLevel = useInfiniteQuery({
    ...childrenLevelQuery(useClient(), activeId ?? '', parent ?? '/', ''),
    enabled: activeId !== null && parent !== null,
    // What the tree loaded is good enough to complete from: never re-list its pages for the palette.
    staleTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  });
  const levelData = parentLevel.data;

  const commandItems = useMemo(
    () =>
      commands
        .filter((command) => !command.sheetOnly)
        .map((command): PaletteCandidate => ({
          id: command.id,
          group: command.group,
          label: t(command.titleKey, command.titleArgs),
          run: command.run,
          texts: [
            english(command.titleKey, command.titleArgs),
            ...(command.titleArgs?.name ? [command.titleArgs.name] : []),
          ],
          ...(command.detail ? { detail: command.detail } : {}),
          ...(command.shortcut ? { shortcut: command.shortcut } : {}),
        })),
    [commands, t, english],
  );

  const recentItems = useMemo(() => {
    const nameOf = new Map(profiles.map((p) => [p.id, p.name]));
    const ids = Object.keys(recent).filter((id) => nameOf.has(id));
    // The open connection's nodes first: they are the ones a jump stays on.
    ids.sort((a, b) => Number(b === activeId) - Number(a === activeId));
    return ids.flatMap((connectionId) =>
      (recent[connectionId] ?? []).map((path): PaletteCandidate => ({
        id: `recent:${connectionId}:${path}`,
        group: 'recent',
        label: path,
        run: () => onBrowse(connectionId, path),
        ...(connectionId === activeId
          ? { completion: path }
          : { detail: t('item.onConnection', { name: nameOf.get(connectionId) }) }),
      })),
    );
  }, [recent, profiles, activeId, onBrowse, t]);

  const pathItems = useMemo((): PaletteCandidate[] => {
    if (!activeId) return [];
    const typingPath = parent !== null;
    if (!typingPath && query.trim().length < MIN_PATH_QUERY) return [];
    // levelData is read through the cache below; naming it here re-runs this when the listing arrives.
    void levelData;
    const nodes = loadedNodes(queryClient, activeId, parent);
    // A recent node of this connection is offered once, among the recent ones.
    const recentHere = new Set(recent[activeId] ?? []);
    const items = nodes
      .filter((entry) => !recentHere.has(entry.path))
      .map((entry): PaletteCandidate => ({
        id: `path:${entry.path}`,
        group: 'paths',
        label: entry.path,
        completion: entry.path,
        run: () => onBrowse(activeId, entry.path),
      }));
    const target = typedTarget(query);
    if (target !== null && !recentHere.has(target) && !nodes.some((entry) => entry.path === target)) {
      items.push({
        id: `path:${target}`,
        group: 'paths',
        label: t('item.goTo', { path: target }),
        fallback: true,
        run: () => onBrowse(activeId, target),
      });
    }
    return items;
  }, [activeId, parent, query, levelData, queryClient, recent, onBrowse, t]);

  return useMemo(
    () => [...pathItems, ...recentItems, ...(parent === null ? commandItems : [])],
    [pathItems, recentItems, commandItems, parent],
  );
}
