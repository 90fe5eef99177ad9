import { ZkCode, ZkError } from './errors.js';

/**
 * The path checks ZooKeeper's PathUtils makes, done before sending: the server answers a malformed path
 * with BAD_ARGUMENTS at best, and a chroot joined to one would address the wrong node.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\ud800-\uf8ff\ufff0-\uffff]/;

export function pathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'it must start with /';
  if (path === '/') return null;
  if (path.endsWith('/')) return 'it may not end with /';
  for (const name of path.slice(1).split('/')) {
    if (name === '') return 'it contains an empty name (//)';
    if (name === '.' || name === '..') return '. and .. are not allowed as names';
    if (FORBIDDEN.test(name)) return 'it contains a control or reserved character';
  }
  return null;
}

export function checkPath(path: string, op: string): void {
  const problem = pathProblem(path);
  if (problem !== null) throw new ZkError(ZkCode.BAD_ARGUMENTS, op, path, `not a valid path: ${problem}`);
}
