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

/** The profiles that match `search`, grouped by folder (folders by name), each group sorted by name. */
export function groupProfiles(profiles: readonly ConnectionProfile[], search: string): ProfileGroup[] {
  const needle = search.trim().toLowerCase();
  const shown = needle === '' ? profiles : profiles.filter((profile) => matches(profile, needle));
  const byFolder = new Map<string | null, ConnectionProfile[]>();
  for (const profile of [...shown].sort((a, b) => a.name.localeCompare(b.name))) {
    const group = byFolder.get(profile.folder) ?? [];
    group.push(profile);
    byFolder.set(profile.folder, group);
  }
  return [...byFolder.entries()]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)))
    .map(([folder, group]) => ({ folder, profiles: group }));
}
