import { randomUUID } from 'node:crypto';
import type { ConnectionInputParsed, ConnectionProfile } from '../../../shared/model/connection.js';
import type { SshProfile } from '../../../shared/model/ssh.js';
import { NO_SSH_SECRETS, sshProfileFromInput } from './ssh.secrets.js';

/**
 * Builds the stored profile from validated input; `hasPassword` says whether a secret will be kept, `ssh` the
 * jump host part with the SSH secrets kept (by default: the input's hops, no secret kept).
 */
export function profileFromInput(
  input: ConnectionInputParsed,
  hasPassword: boolean,
  existingId?: string,
  ssh: SshProfile | null = sshProfileFromInput(input.ssh, NO_SSH_SECRETS),
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
    ssh,
    datacenter: input.datacenter ?? null,
    contextPath: input.contextPath ?? null,
    namespace: input.namespace ?? null,
    adminServerUrl: input.adminServerUrl ?? null,
  };
}
