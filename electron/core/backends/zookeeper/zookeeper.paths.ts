import { AppError } from '../../../../shared/errors.js';

/**
 * UTF-16 code units ZooKeeper refuses in node names (org.apache.zookeeper.common.PathUtils checks Java chars,
 * so surrogate pairs such as emoji are refused too: no `u` flag on purpose).
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHAR = /[\u0000-\u001f\u007f-\u009f\ud800-\uf8ff\ufff0-\uffff]/;

/** Throws INVALID_INPUT unless `path` is a znode path ZooKeeper accepts. */
export function assertZnodePath(path: string): void {
  const fail = (why: string): never => {
    throw new AppError('INVALID_INPUT', `${JSON.stringify(path)} is not a valid ZooKeeper path: ${why}.`);
  };
  if (!path.startsWith('/')) fail('it must start with /');
  if (path === '/') return;
  if (path.endsWith('/')) fail('it may not end with /');
  for (const name of path.slice(1).split('/')) {
    if (name === '') fail('it contains an empty name (//)');
    if (name === '.' || name === '..') fail('. and .. are not allowed as names');
    if (FORBIDDEN_CHAR.test(name)) fail('it contains a control or reserved character');
  }
}
