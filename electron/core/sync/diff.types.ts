import type { Normalization } from './value.normalize.js';

export const DIFF_STATUSES = ['only-left', 'only-right', 'changed', 'same'] as const;
export type DiffStatus = (typeof DIFF_STATUSES)[number];

export interface DiffOptions {
  /** Globs on relative paths to leave out (see ignore.glob.ts). */
  ignore: string[];
  normalize: Normalization;
  /** Leave out ZooKeeper ephemeral nodes (default on). */
  skipEphemeral: boolean;
  /** Also compare portable metadata (ACLs, Consul flags, Nacos type…) where both sides have it. */
  compareMetadata: boolean;
  /** Read the values of differing keys into the result (for a side-by-side view). */
  withValues: boolean;
}

export const DEFAULT_DIFF_OPTIONS: DiffOptions = {
  ignore: [],
  normalize: null,
  skipEphemeral: true,
  compareMetadata: false,
  withValues: false,
};

/** What the diff keeps of one key on one side: no value, only its hashes and token. */
export interface KeyFacts {
  /** sha256 (base64) of the raw bytes: what a sync pins. */
  hash: string;
  /** What values compare by (the raw hash, or the hash of the normalised data). */
  cmp: string;
  size: number;
  token: string | null;
  /** Portable metadata (see diff.metadata.ts), only when metadata is compared. */
  meta: Record<string, string> | null;
  /** The value, only for differing keys and only when asked for (`withValues`). */
  value?: Buffer;
}

export interface DiffEntry {
  /** Relative to each side's root, starting with `/`. */
  path: string;
  status: DiffStatus;
  left: KeyFacts | null;
  right: KeyFacts | null;
  /** For `changed`: whether the values differ (false when only metadata does). */
  valueChanged: boolean;
}

export interface DiffSummary {
  onlyLeft: number;
  onlyRight: number;
  changed: number;
  same: number;
}

export interface DiffResult {
  left: string;
  right: string;
  options: DiffOptions;
  summary: DiffSummary;
  /** Every compared key, `same` included, sorted by path. */
  entries: DiffEntry[];
  /** Folders (nodes that are not keys) of each side: a sync needs them to create and prune. */
  leftFolders: string[];
  rightFolders: string[];
  durationMs: number;
}
