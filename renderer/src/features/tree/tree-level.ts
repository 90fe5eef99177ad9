import type { ChildEntry } from '../../../../shared/model/node.js';
import type { EntryList } from './entry-list.js';

/** What is loaded of one expanded node's children. */
export interface TreeLevel {
  entries: EntryList;
  total: number | null;
  /** The server has more pages beyond those loaded. */
  hasMore: boolean;
  loading: boolean;
  error: unknown;
}

/** One line of the flattened, virtualized tree. */
export type TreeRowModel =
  | { kind: 'node'; path: string; name: string; depth: number; entry: ChildEntry | null; expanded: boolean }
  | {
      kind: 'more';
      parentPath: string;
      depth: number;
      loaded: number;
      total: number | null;
      loading: boolean;
    }
  | {
      kind: 'status';
      parentPath: string;
      depth: number;
      status: 'loading' | 'empty' | 'error';
      error: unknown;
    };
