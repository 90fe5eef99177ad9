import { accessSync, constants } from 'node:fs';
import { basename } from 'node:path';

function missing(what: string, packageName: string): Error {
  return new Error(
    `${what} is not installed: run \`npm run test:setup\` (installs the Debian package ${packageName})`,
  );
}

/** Throws one clear sentence naming the Debian package when `path` is not an executable file. */
export function requireCommand(path: string, packageName: string, what: string = basename(path)): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw missing(what, packageName);
  }
}

/** Throws one clear sentence naming the Debian package when `path` is not a readable file. */
export function requireFile(path: string, packageName: string, what: string = basename(path)): void {
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw missing(what, packageName);
  }
}
