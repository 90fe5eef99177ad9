export const SYNC_ACTIONS = ['create', 'update', 'delete'] as const;
export type SyncAction = (typeof SYNC_ACTIONS)[number];

export interface SyncOptions {
  /** Delete keys that exist only in the target (off unless asked). */
  delete: boolean;
  /** Only create keys missing in the target: every existing target value is kept. */
  onlyNew: boolean;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = { delete: false, onlyNew: false };

/** One write of a plan, pinned to what both sides held when the plan was made. */
export interface SyncItem {
  /** Relative to both roots. */
  path: string;
  action: SyncAction;
  /** Whether apply writes it; the UI toggles this per item. */
  selected: boolean;
  /** sha256 (base64) of the source value the plan saw; apply writes only that value (create/update). */
  sourceHash: string | null;
  /** The target's token the plan saw (update/delete; null for a create). */
  targetToken: string | null;
}

export interface SyncPlanSummary {
  create: number;
  update: number;
  delete: number;
}

export interface SyncPlan {
  /** Shared by every audit entry the apply writes (`details.syncId`). */
  syncId: string;
  source: string;
  target: string;
  options: SyncOptions;
  createdAt: string;
  /** Sorted by path. */
  items: SyncItem[];
  /**
   * Target paths (keys or folders) that existed at plan time and are ancestors of a create or a
   * delete: where a store needs parents (ZooKeeper), what is missing is created, and folders left
   * empty by deletes are removed.
   */
  targetAncestors: string[];
  summary: SyncPlanSummary;
}

export const ITEM_OUTCOMES = ['applied', 'conflict', 'failed', 'skipped'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];

export interface SyncItemResult {
  path: string;
  action: SyncAction;
  outcome: ItemOutcome;
  /** Why it was not applied. */
  error: { code: string; message: string } | null;
}

export interface SyncReport {
  syncId: string;
  source: string;
  target: string;
  summary: Record<ItemOutcome, number>;
  /** Every selected item, in plan order. */
  items: SyncItemResult[];
  /** The failure that stopped the apply early (target unreachable), or null when every item was tried. */
  stoppedBy: { code: string; message: string } | null;
  durationMs: number;
}
