import { AppError } from '../../../shared/errors.js';
import type { PrincipalsReport } from '../../../shared/model/principals.js';
import type { ConnectionService } from '../connections/connection.service.js';

/** The principals of an open connection, or UNSUPPORTED in one sentence where its store has no such API. */
export async function listPrincipals(
  connections: ConnectionService,
  connectionId: string,
): Promise<PrincipalsReport> {
  const session = await connections.session(connectionId);
  if (session.principals) return session.principals.list();
  const profile = await connections.profile(connectionId);
  throw new AppError(
    'UNSUPPORTED',
    `The ${profile.kind} server of "${profile.name}" does not offer a list of users, roles or tokens.`,
  );
}
