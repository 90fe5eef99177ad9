import type { ConnectionInput, ConnectionProfile } from '../../../shared/model/connection.js';
import type { SshHop, SshHopInput, SshInput, SshProfile } from '../../../shared/model/ssh.js';

/** A saved hop as input: no secret, so the core keeps (and uses) the saved ones. */
function hopToInput(hop: SshHop): SshHopInput {
  return {
    host: hop.host,
    port: hop.port,
    username: hop.username,
    ...(hop.privateKeyFile ? { privateKeyFile: hop.privateKeyFile } : {}),
    ...(hop.agent ? { agent: true } : {}),
    ...(hop.hostKeySha256 ? { hostKeySha256: hop.hostKeySha256 } : {}),
  };
}

function sshToInput(ssh: SshProfile | null): SshInput | null {
  return ssh ? { ...hopToInput(ssh), next: ssh.next ? hopToInput(ssh.next) : null } : null;
}

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
    ssh: sshToInput(profile.ssh),
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
