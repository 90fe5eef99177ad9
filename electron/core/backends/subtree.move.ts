/**
 * An atomic move of a whole subtree within one connection (ZooKeeper: one multi). `pin` reads everything
 * the move writes and deletes, at plan time; `move` then applies it all or nothing, every delete guarded
 * by the version pinned, so a change made in between fails the whole move and nothing is half-done.
 */
export interface PinnedNode {
  /** Absolute path in the store. */
  path: string;
  value: Buffer;
  /** The store's token of the node when pinned (what its delete is guarded with). */
  token: string;
}

export interface PinnedSubtree {
  from: string;
  to: string;
  /** Parents first. */
  nodes: PinnedNode[];
  /** Whether the nodes' ACLs are carried to the new paths. */
  aclsCarried: boolean;
}

/** The subtree fits one transaction (pinned), or why it does not (the move then copies, verifies, deletes). */
export type PinOutcome = { fits: true; subtree: PinnedSubtree } | { fits: false; reason: string };

export interface SubtreeMoveApi {
  /** Reads the subtree at `from` for a move to `to` and says whether it fits one transaction. */
  pin(from: string, to: string): Promise<PinOutcome>;
  /** Creates every node at its new path and deletes the old ones in one transaction; CONFLICT when anything moved. */
  move(subtree: PinnedSubtree): Promise<void>;
}
