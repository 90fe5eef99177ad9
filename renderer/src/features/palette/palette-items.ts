import { rankByMatch } from './fuzzy-match.js';
import type { CommandGroup } from './commands.js';
import type { Shortcut } from './shortcut.js';

export type PaletteGroup = 'paths' | 'recent' | CommandGroup;

/** One line of the palette's list. */
export interface PaletteItem {
  /** Unique in the list: `path:/a`, `recent:<connection>:/a`, or a command's id. */
  id: string;
  group: PaletteGroup;
  /** The text shown (already translated). */
  label: string;
  detail?: string;
  shortcut?: Shortcut;
  run: () => void;
  /** A path: → in the box replaces the query with it to go on typing below it. */
  completion?: string;
}

/** An item offered to the palette, with what the query is matched against. */
export interface PaletteCandidate extends PaletteItem {
  /** Matched besides the label (a connection's name, an untranslated word); the label alone when absent. */
  texts?: readonly string[];
  /** Always listed, after the matches of its group ("Go to /typed/path" when nothing loaded completes it). */
  fallback?: boolean;
}

/** One titled block of the list. */
export interface PaletteSection {
  group: PaletteGroup;
  items: PaletteItem[];
}

/** The order of the groups when the query is empty, and between groups matching equally well (recent first). */
export const GROUP_ORDER: readonly PaletteGroup[] = [
  'recent',
  'paths',
  'tabs',
  'connections',
  'compare',
  'app',
];

/** Long groups are cut: the palette is for jumping, the tree for browsing. */
const GROUP_LIMITS: Partial<Record<PaletteGroup, number>> = { paths: 8, recent: 6 };

/**
 * The palette's list for a query: the matching candidates, each group ranked within and the groups ranked
 * by their best match (so "comp" puts the Compare tab before the connections), empty groups left out.
 */
export function paletteSections(query: string, candidates: readonly PaletteCandidate[]): PaletteSection[] {
  const ranked = rankByMatch(
    candidates.filter((c) => !c.fallback),
    query,
    (c) => [c.label, ...(c.texts ?? [])],
  );
  const sections = GROUP_ORDER.map((group) => {
    const limit = GROUP_LIMITS[group] ?? Infinity;
    const matches = ranked.filter(({ item }) => item.group === group).slice(0, limit);
    const fallbacks = candidates.filter((c) => c.fallback && c.group === group);
    return {
      group,
      best: matches[0]?.score ?? (fallbacks.length > 0 ? 0 : null),
      items: [...matches.map(({ item }) => item), ...fallbacks].map(toItem),
    };
  }).filter((section) => section.items.length > 0);
  const order = (group: PaletteGroup) => GROUP_ORDER.indexOf(group);
  sections.sort((a, b) => (b.best ?? 0) - (a.best ?? 0) || order(a.group) - order(b.group));
  return sections.map(({ group, items }) => ({ group, items }));
}

function toItem({ id, group, label, detail, shortcut, run, completion }: PaletteCandidate): PaletteItem {
  return {
    id,
    group,
    label,
    run,
    ...(detail !== undefined ? { detail } : {}),
    ...(shortcut !== undefined ? { shortcut } : {}),
    ...(completion !== undefined ? { completion } : {}),
  };
}

/** The items in list order: what the arrows walk through. */
export function flatItems(sections: readonly PaletteSection[]): PaletteItem[] {
  return sections.flatMap((section) => section.items);
}
