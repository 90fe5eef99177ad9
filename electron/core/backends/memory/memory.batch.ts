import { AppError, isAppError } from '../../../../shared/errors.js';
import { parentPath } from '../../../../shared/paths.js';
import { batchWriter, type BatchWrite, type BatchWriter } from '../batch.js';
import { assertPath, parseToken, type MemoryTree } from './memory.tree.js';

function moved(path: string): AppError {
  return new AppError(
    'CONFLICT',
    `${path} was changed by someone else since it was read; nothing of the batch was written.`,
  );
}

/**
 * Checks every guard of a batch against the tree as it is (a create may name a parent created earlier
 * in the same batch): CONFLICT when any no longer holds, so that nothing is written.
 */
function checkBatch(tree: MemoryTree, writes: readonly BatchWrite[]): void {
  const created = new Set<string>();
  for (const write of writes) {
    assertPath(write.path);
    if (write.op !== 'delete') tree.assertSize(write.path, write.value);
    if (write.op === 'create') {
      if (created.has(write.path)) throw moved(write.path);
      if (!created.has(parentPath(write.path) ?? '/')) {
        try {
          tree.assertCreatable(write.path, 'CONFLICT');
        } catch (error) {
          throw isAppError(error) && error.code === 'INVALID_INPUT' ? error : moved(write.path);
        }
      } else if (tree.key(write.path) !== undefined) {
        throw moved(write.path);
      }
      created.add(write.path);
      continue;
    }
    const key = tree.key(write.path);
    if (key === undefined || key.modRevision !== parseToken(write.token)) throw moved(write.path);
    // A batch deletes a key, not its children: where a node needs its parent, one with children stays.
    if (write.op === 'delete' && tree.rules.parentsMustExist && tree.childCount(write.path) > 0) {
      throw moved(write.path);
    }
  }
}

/** The all-or-nothing batch writer of an in-memory store. */
export function memoryBatchWriter(
  tree: MemoryTree,
  limits: { maxWrites: number; maxBytes: number },
  whileOpen: (call: () => Promise<void>) => Promise<void>,
): BatchWriter {
  return batchWriter('in-memory', limits, (writes) =>
    whileOpen(async () => {
      checkBatch(tree, writes);
      tree.applyChecked(writes);
    }),
  );
}
