import type { ConnectionProfile } from '../../../../shared/model/connection.js';

/** One folder of the sidebar (`null`: the profiles in no folder, listed first without a heading). */
export interface ProfileGroup {
  folder: string | null;
  profiles: ConnectionProfile[];
}

/** Whether a profile matches the search box: its name, folder, kind or an endpoint contains the text. */
function matches(profile: ConnectionProfile, needle: string): boolean {
  const haystack = [
    profile.name,
    profile.folder ?? '',
    profile.kind,
    profile.environment,
    ...profile.endpoints,
  ];
  return haystack.some((text) => text.toLowerCase().includes(needle));
}

export type ProfileOrder = 'name' | 'lastUsed';

/** By name; or most recently opened first, the never-opened after them by name. */
function comparer(order: ProfileOrder, lastUsed: Readonly<Record<string, string>>) {
  return (a: ConnectionProfile, b: ConnectionProfile): number => {
    if (order === 'lastUsed') {
      const [ta, tb] = [lastUsed[a.id] ?? '', lastUsed[b.id] ?? ''];
      if (ta !== tb) return ta < tb ? 1 : -1;
    }
    return a.name.localeCompare(b.name);
  };
}

/** The profiles that match `search`, grouped by folder (folders by name), each group in the chosen order. */
export function groupProfiles(
  profiles: readonly ConnectionProfile[],
  search: string,
  order: ProfileOrder = 'name',
  lastUsed: Readonly<Record<string, string>> = {},
): ProfileGroup[] {
  const needle = search.trim().toLowerCase();
  const shown = needle === '' ? profiles : profiles.filter((profile) => matches(profile, needle));
  const byFolder = new Map<string | null, ConnectionProfile[]>();
  for (const profile of [...shown].sort(comparer(order, lastUsed))) {
    const group = byFolder.get(profile.folder) ?? [];
    group.push(profile);
    byFolder.set(profile.folder, group);
  }
  return [...byFolder.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([folder, group]) => ({ folder, profiles: group }));
}

/** The folders the saved profiles sit in, by name, each once (offered by the form's folder field). */
export function existingFolders(profiles: readonly ConnectionProfile[]): string[] {
  const folders = new Set(profiles.flatMap((profile) => (profile.folder ? [profile.folder] : [])));
  return [...folders].sort((a, b) => a.localeCompare(b));
}
