import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectionInputParsed, Environment } from '../../../shared/model/connection.js';

/** One example snapshot shipped in the package's examples/ folder. */
export interface ExampleSnapshot {
  file: string;
  name: string;
  environment: Environment;
}

/** The two examples: the same service's production and staging configuration, different in a few keys. */
export const EXAMPLE_SNAPSHOTS: readonly ExampleSnapshot[] = [
  { file: 'prod.json', name: 'Example · prod', environment: 'prod' },
  { file: 'staging.json', name: 'Example · staging', environment: 'staging' },
];

function isConfigDeckRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'configdeck';
}

/**
 * The examples/ folder of the checkout or installed package this module runs from (the nearest folder up
 * whose package.json is ConfigDeck's), or null when it ships none. Found from the module's own place, so
 * the sources (tsx) and the build (dist/node) find the same folder.
 */
export function findExamplesDir(fromUrl: string): string | null {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (isConfigDeckRoot(dir)) {
      const examples = join(dir, 'examples');
      return EXAMPLE_SNAPSHOTS.every((example) => existsSync(join(examples, example.file))) ? examples : null;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The profile an example snapshot opens as: read-only (as every snapshot is), framed in its environment. */
export function exampleProfileInput(examplesDir: string, example: ExampleSnapshot): ConnectionInputParsed {
  return {
    name: example.name,
    kind: 'snapshot',
    endpoints: [join(examplesDir, example.file)],
    environment: example.environment,
    readOnly: true,
    sessionTimeoutMs: 15000,
  };
}
