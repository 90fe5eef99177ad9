import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { ConnectionProfileSchema } from '../../shared/model/connection.js';
import type { Core } from '../core/core.types.js';

/**
 * Loads profiles from a JSON array of `{name, kind, endpoints, environment?, readOnly?, auth?, tls?, …}`
 * and saves them through the contract; a profile whose name already exists is updated in place.
 */
export async function importConnectionsFile(core: Core, file: string): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INVALID_INPUT', `Could not read the connections file ${file}: ${reason}`);
  }
  if (!Array.isArray(raw))
    throw new AppError('INVALID_INPUT', `The connections file ${file} must hold a JSON array.`);
  const listed = await core.dispatch('connections.list', {}, 'host');
  const existing = listed.ok ? z.array(ConnectionProfileSchema).parse(listed.result) : [];
  for (const [index, item] of raw.entries()) {
    const name = typeof item === 'object' && item !== null && 'name' in item ? item.name : undefined;
    const id = existing.find((profile) => profile.name === name)?.id;
    const saved = await core.dispatch('connections.save', id ? { ...item, id } : item, 'host');
    if (!saved.ok) {
      throw new AppError('INVALID_INPUT', `Connection #${index + 1} in ${file}: ${saved.error.message}`);
    }
  }
  return raw.length;
}
