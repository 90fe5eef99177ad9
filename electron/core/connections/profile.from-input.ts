import { randomUUID } from 'node:crypto';
import type { ConnectionInputParsed, ConnectionProfile } from '../../../shared/model/connection.js';

/** Builds the stored profile from validated input; `hasPassword` says whether a secret will be kept. */
export function profileFromInput(
  input: ConnectionInputParsed,
  hasPassword: boolean,
  existingId?: string,
): ConnectionProfile {
  return {
    id: existingId ?? input.id ?? randomUUID(),
    name: input.name,
    kind: input.kind,
    endpoints: input.endpoints,
    environment: input.environment,
    readOnly: input.readOnly,
    folder: input.folder ?? null,
    sessionTimeoutMs: input.sessionTimeoutMs,
    auth: input.auth ? { username: input.auth.username, hasPassword } : null,
    tls: input.tls ?? null,
    datacenter: input.datacenter ?? null,
    contextPath: input.contextPath ?? null,
    namespace: input.namespace ?? null,
    adminServerUrl: input.adminServerUrl ?? null,
  };
}
