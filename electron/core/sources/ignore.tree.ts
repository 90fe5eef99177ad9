/**
 * Extends an ignore predicate to subtrees: a path is ignored when it or any of its ancestors is. For
 * walks that see keys without visiting their folders first (bulk scans, snapshot files); ancestor
 * answers are remembered, so each folder is matched once.
 */
export function ignoreWithAncestors(ignore: (path: string) => boolean): (path: string) => boolean {
  const folders = new Map<string, boolean>();
  const folderIgnored = (path: string): boolean => {
    let known = folders.get(path);
    if (known === undefined) {
      const slash = path.lastIndexOf('/');
      known = ignore(path) || (slash > 0 && folderIgnored(path.slice(0, slash)));
      folders.set(path, known);
    }
    return known;
  };
  return (path) => {
    if (ignore(path)) return true;
    const slash = path.lastIndexOf('/');
    return slash > 0 && folderIgnored(path.slice(0, slash));
  };
}
