import type { ConnectionInput, ConnectionProfile } from '../../../shared/model/connection.js';

/** A saved profile as a connections.test / connections.discover input (the core uses its stored secret). */
export function profileToInput(profile: ConnectionProfile): ConnectionInput {
  return {
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    endpoints: profile.endpoints,
    environment: profile.environment,
    readOnly: profile.readOnly,
    folder: profile.folder,
    sessionTimeoutMs: profile.sessionTimeoutMs,
    auth: profile.auth ? { username: profile.auth.username } : null,
    tls: profile.tls,
    datacenter: profile.datacenter,
    contextPath: profile.contextPath,
    namespace: profile.namespace,
    adminServerUrl: profile.adminServerUrl,
  };
}

/** True when the profile skips TLS certificate verification (shown with an INSECURE badge). */
export function isInsecureProfile(profile: ConnectionProfile): boolean {
  return profile.tls?.insecureSkipVerify === true;
}
