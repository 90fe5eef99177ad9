import { readFileSync } from 'node:fs';

/** An answer captured from the real server (ZooKeeper 3.8.0 from Debian), kept under ./fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}
