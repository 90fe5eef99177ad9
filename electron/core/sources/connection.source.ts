import type { ConnectionService } from '../connections/connection.service.js';
import { normalizeSourcePath } from './source.spec.js';
import { SessionSource } from './session.source.js';

/**
 * A saved connection and a path as a source, on the connection's shared session (the one the UI browses
 * with): closing the source leaves the session open. For the app's compare and sync screens.
 */
export async function connectionSource(
  connections: ConnectionService,
  connectionId: string,
  path: string,
): Promise<SessionSource> {
  const profile = await connections.profile(connectionId);
  const root = normalizeSourcePath(`${profile.name}:${path}`, path);
  const session = await connections.session(connectionId);
  return new SessionSource({ label: `@${profile.name}${root === '/' ? '' : root}`, profile, session, root });
}
