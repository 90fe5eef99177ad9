/** The path the servers know (wchp and dump list paths without the profile's chroot applied). */
export function toServerPath(path: string, chroot: string | null): string {
  if (chroot === null) return path;
  return path === '/' ? chroot : `${chroot}${path}`;
}

/** A server path as the profile's tree shows it; a path outside the chroot stays as the server has it. */
export function toClientPath(serverPath: string, chroot: string | null): string {
  if (chroot === null) return serverPath;
  if (serverPath === chroot) return '/';
  return serverPath.startsWith(`${chroot}/`) ? serverPath.slice(chroot.length) : serverPath;
}

/** `/a/b/c` → `['/a/b', '/a', '/']`, nearest first. */
export function ancestorsOf(path: string): string[] {
  const ancestors: string[] = [];
  let current = path;
  while (current !== '/') {
    const slash = current.lastIndexOf('/');
    current = slash <= 0 ? '/' : current.slice(0, slash);
    ancestors.push(current);
  }
  return ancestors;
}
