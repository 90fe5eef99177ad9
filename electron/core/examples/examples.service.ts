import { AppError } from '../../../shared/errors.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { ConnectionService } from '../connections/connection.service.js';
import { EXAMPLE_SNAPSHOTS, exampleProfileInput } from './example-snapshots.js';

/**
 * Saves the profiles of the example snapshots, reusing a saved snapshot profile of the same file (a second
 * "Open the examples" must not add them twice), and returns them in the examples' order.
 */
export async function openExampleProfiles(
  connections: Pick<ConnectionService, 'list' | 'save'>,
  examplesDir: string | null,
): Promise<ConnectionProfile[]> {
  if (examplesDir === null) {
    throw new AppError('NOT_FOUND', 'This copy of ConfigDeck ships no example snapshots (examples/ is missing).');
  }
  const saved = await connections.list();
  const profiles: ConnectionProfile[] = [];
  for (const example of EXAMPLE_SNAPSHOTS) {
    const input = exampleProfileInput(examplesDir, example);
    const existing = saved.find((p) => p.kind === 'snapshot' && p.endpoints[0] === input.endpoints[0]);
    profiles.push(existing ?? (await connections.save(input)));
  }
  return profiles;
}
