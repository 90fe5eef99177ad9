/**
 * A chroot makes the client see a subtree as its whole tree: paths get the root prepended on the way
 * out and removed from paths the server sends back (created paths, event paths, ephemerals).
 */
export class Chroot {
  constructor(readonly root: string | null) {}

  toServer(path: string): string {
    if (this.root === null) return path;
    return path === '/' ? this.root : this.root + path;
  }

  /** A server path outside the chroot (only possible for getEphemerals of `/`) is returned as is. */
  fromServer(path: string): string {
    const root = this.root;
    if (root === null) return path;
    if (path === root) return '/';
    return path.startsWith(root + '/') ? path.slice(root.length) : path;
  }

  /** Whether a server path lies inside the chroot (events outside it are not this client's). */
  contains(path: string): boolean {
    const root = this.root;
    return root === null || path === root || path.startsWith(root + '/');
  }
}
