import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';
import type { ProfileEntryParsed, SealedSecret, SshHopEntryParsed } from '../../../shared/model/profiles.js';
import type { SshHop } from '../../../shared/model/ssh.js';
import { profileFromInput } from './profile.from-input.js';

/** A saved profile as an export entry (the `--connections` format): no id, no secret unless one is sealed. */
export function entryOfProfile(
  profile: ConnectionProfile,
  sealedPassword?: SealedSecret,
): ProfileEntryParsed {
  return {
    name: profile.name,
    kind: profile.kind,
    endpoints: profile.endpoints,
    environment: profile.environment,
    readOnly: profile.readOnly,
    folder: profile.folder,
    sessionTimeoutMs: profile.sessionTimeoutMs,
    auth:
      profile.auth === null
        ? null
        : { username: profile.auth.username, ...(sealedPassword ? { sealedPassword } : {}) },
    tls: profile.tls,
    ssh:
      profile.ssh === null
        ? null
        : { ...sshHopEntry(profile.ssh), next: profile.ssh.next && sshHopEntry(profile.ssh.next) },
    datacenter: profile.datacenter,
    contextPath: profile.contextPath,
    namespace: profile.namespace,
    adminServerUrl: profile.adminServerUrl,
  };
}

/** A saved SSH hop as an export entry: where and who, the trusted key, never a secret. */
function sshHopEntry(hop: SshHop): SshHopEntryParsed {
  return {
    host: hop.host,
    port: hop.port,
    username: hop.username,
    ...(hop.privateKeyFile !== null ? { privateKeyFile: hop.privateKeyFile } : {}),
    ...(hop.agent ? { agent: true } : {}),
    ...(hop.hostKeySha256 !== null ? { hostKeySha256: hop.hostKeySha256 } : {}),
  };
}

/**
 * Whether saving `entry` over `existing` would change the profile (the password aside): both are compared as
 * the profile the save would store, so defaults and the snapshot kind's forced read-only compare equal.
 */
export function entryChangesProfile(entry: ProfileEntryParsed, existing: ConnectionProfile): boolean {
  const readOnly = entry.readOnly || KIND_DESCRIPTORS[entry.kind].readOnly;
  const auth = entry.auth ? { username: entry.auth.username } : null;
  const would = profileFromInput({ ...entry, readOnly, auth }, false, existing.id);
  const comparable = (profile: ConnectionProfile): string =>
    JSON.stringify(entryOfProfile({ ...profile, tls: normalisedTls(profile.tls) }));
  return comparable(would) !== comparable(existing);
}

/** TLS files with their keys in one order (a file written by hand may list them in any). */
function normalisedTls(tls: ConnectionProfile['tls']): ConnectionProfile['tls'] {
  if (tls === null) return null;
  const ordered = Object.fromEntries(Object.entries(tls).sort(([a], [b]) => a.localeCompare(b)));
  return ordered;
}
