import { AppError } from '../../../../shared/errors.js';
import { pathProblem } from './client/index.js';

/** Throws INVALID_INPUT unless `path` is a znode path ZooKeeper accepts (the client's own check). */
export function assertZnodePath(path: string): void {
  const problem = pathProblem(path);
  if (problem !== null) {
    throw new AppError('INVALID_INPUT', `${JSON.stringify(path)} is not a valid ZooKeeper path: ${problem}.`);
  }
}
