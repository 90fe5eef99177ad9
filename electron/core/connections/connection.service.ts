import { randomUUID } from 'node:crypto';
import type { ConnectionInputParsed, ConnectionProfile } from '../../../shared/model/connection.js';
import type { ConnectionSession } from '../../../shared/contract/methods.js';
import type { Discovery } from '../../../shared/model/history.js';
import type { SshHopName } from '../../../shared/model/ssh.js';
import { AppError } from '../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type { BackendSession, ResolvedProfile } from '../backends/backend.js';
import { capabilitiesOf } from '../backends/capabilities.js';
import type { EventBus } from '../events/event.bus.js';
import type { SecretStore } from '../secrets/secret.store.js';
import type { DriverRegistry } from './driver.registry.js';
import { profileFromInput } from './profile.from-input.js';
import type { ProfileStore } from './profile.store.js';
import { SessionRegistry } from './session.registry.js';
import {
  deleteSshSecrets,
  readSshSecrets,
  saveSshSecrets,
  sshProfileFromInput,
  type SshSecrets,
} from './ssh.secrets.js';
import { connectTunnelled, throughTunnel, type TunnelEnvironment } from '../tunnel/tunnelled.connect.js';
import type { SshTunnel } from '../tunnel/ssh-tunnel.js';

const passwordKey = (id: string): string => `connection:${id}:password`;

export interface ConnectionServiceDeps {
  profiles: ProfileStore;
  secrets: SecretStore;
  drivers: DriverRegistry;
  events: EventBus;
  /** Called when a session closes so watches on it can be dropped. */
  onSessionClosed: (connectionId: string) => void;
  /** The known_hosts file and SSH agent jump hosts use. */
  ssh: TunnelEnvironment;
}

/** Profiles, their secrets and their live sessions. */
export class ConnectionService {
  private readonly sessions = new SessionRegistry();
  /** The SSH tunnels of open sessions, by connection id (for the session's tunnel state). */
  private readonly tunnels = new Map<string, SshTunnel>();

  constructor(private readonly deps: ConnectionServiceDeps) {}

  list(): Promise<ConnectionProfile[]> {
    return this.deps.profiles.list();
  }

  /** The profile or NOT_FOUND. */
  async profile(id: string): Promise<ConnectionProfile> {
    const profile = await this.deps.profiles.find(id);
    if (!profile) throw new AppError('NOT_FOUND', `There is no saved connection with id ${id}.`);
    return profile;
  }

  /** Creates or updates a profile; a given password is stored encrypted (refused when encryption is unavailable). */
  async save(input: ConnectionInputParsed): Promise<ConnectionProfile> {
    const existing = input.id ? await this.deps.profiles.find(input.id) : undefined;
    if (input.id && !existing)
      throw new AppError('NOT_FOUND', `There is no saved connection with id ${input.id}.`);
    const clash = await this.deps.profiles.findByName(input.name);
    if (clash && clash.id !== existing?.id) {
      throw new AppError('INVALID_INPUT', `A connection named "${input.name}" already exists.`);
    }
    const newPassword = input.auth?.password;
    const keepsPassword =
      newPassword === undefined && input.auth != null && existing?.auth?.hasPassword === true;
    const readOnly = input.readOnly || KIND_DESCRIPTORS[input.kind].readOnly;
    // An input that does not name a folder (an older --connections file, a form without one) keeps the saved one.
    const folder = input.folder === undefined ? (existing?.folder ?? null) : input.folder;
    const id = existing?.id ?? input.id ?? randomUUID();
    const sshPresence = await saveSshSecrets(this.deps.secrets, id, input.ssh, existing?.ssh ?? null);
    const profile = profileFromInput(
      { ...input, readOnly, folder },
      newPassword !== undefined || keepsPassword,
      id,
      sshProfileFromInput(input.ssh, sshPresence),
    );
    if (newPassword !== undefined) await this.deps.secrets.save(passwordKey(profile.id), newPassword);
    else if (!keepsPassword) await this.deps.secrets.delete(passwordKey(profile.id));
    await this.deps.profiles.put(profile);
    // A changed profile must not keep talking to the old endpoints or with the old credentials.
    if (existing) await this.close(profile.id);
    return profile;
  }

  /** The saved password of a profile (for an export sealing it, a duplicate copying it), or null. */
  async savedPassword(id: string): Promise<string | null> {
    const profile = await this.profile(id);
    return profile.auth?.hasPassword ? this.deps.secrets.get(passwordKey(id)) : null;
  }

  /** The saved SSH secrets of a profile (for an export sealing them, a duplicate copying them). */
  async savedSshSecrets(id: string): Promise<SshSecrets> {
    const profile = await this.profile(id);
    return readSshSecrets(this.deps.secrets, id, profile.ssh);
  }

  async delete(id: string): Promise<boolean> {
    await this.close(id);
    await this.deps.secrets.delete(passwordKey(id));
    await deleteSshSecrets(this.deps.secrets, id);
    return this.deps.profiles.remove(id);
  }

  /** Connects with a profile that may not be saved yet, then disconnects. */
  async test(input: ConnectionInputParsed): Promise<{ latencyMs: number; server: string | null }> {
    const { profile, ssh } = await this.resolveInput(input);
    const started = performance.now();
    const { session } = await this.connectProfile(profile, ssh, () => undefined);
    const latencyMs = Math.round(performance.now() - started);
    const server = session.server;
    await session.close().catch(() => undefined);
    return { latencyMs, server };
  }

  /** Asks a server what it offers before the profile is saved (datacenters, namespaces, API). */
  async discover(input: ConnectionInputParsed): Promise<Discovery> {
    const { profile, ssh } = await this.resolveInput(input);
    const driver = await this.deps.drivers.get(profile.kind);
    const discover = driver.discover?.bind(driver);
    if (!discover) return { datacenters: null, namespaces: null, api: null };
    // Through a jump host, the discovery's requests go through a tunnel opened for it alone.
    return throughTunnel(profile, ssh, this.deps.ssh, discover);
  }

  /** Opens (or reuses) the session of a saved profile. */
  async open(id: string): Promise<ConnectionSession> {
    const session = await this.session(id);
    return {
      connectionId: id,
      state: 'connected',
      capabilities: capabilitiesOf(session),
      server: session.server,
      features: [...(session.features ?? [])],
      stateMessage: session.stateMessage ?? null,
      tunnel: this.tunnels.get(id)?.info() ?? null,
    };
  }

  /** Stores a host key the user chose to trust for one SSH hop of a saved profile. */
  async trustHostKey(id: string, hop: SshHopName, fingerprint: string): Promise<ConnectionProfile> {
    const profile = await this.profile(id);
    const target = hop === 'first' ? profile.ssh : (profile.ssh?.next ?? null);
    if (!profile.ssh || !target) {
      throw new AppError('INVALID_INPUT', `The connection ${profile.name} has no ${hop} SSH hop.`);
    }
    const trusted = { ...target, hostKeySha256: fingerprint };
    const ssh = hop === 'first' ? { ...profile.ssh, ...trusted } : { ...profile.ssh, next: trusted };
    const updated = { ...profile, ssh };
    await this.deps.profiles.put(updated);
    return updated;
  }

  /** The live session of a profile, opened on first use. */
  session(id: string): Promise<BackendSession> {
    return this.sessions.getOrOpen(id, async () => {
      const profile = await this.profile(id);
      const password = profile.auth?.hasPassword ? await this.deps.secrets.get(passwordKey(id)) : null;
      const ssh = await readSshSecrets(this.deps.secrets, id, profile.ssh);
      this.deps.events.emit('connection.state', { connectionId: id, state: 'connecting', message: null });
      try {
        const { session, tunnel } = await this.connectProfile({ ...profile, password }, ssh, (tunnelInfo) =>
          this.deps.events.emit('tunnel.state', { connectionId: id, tunnel: tunnelInfo }),
        );
        if (tunnel) this.tunnels.set(id, tunnel);
        session.onStateChange((state, message) =>
          this.deps.events.emit('connection.state', { connectionId: id, state, message }),
        );
        // A session may come up already saying something (connected to a read-only server).
        this.deps.events.emit('connection.state', {
          connectionId: id,
          state: 'connected',
          message: session.stateMessage ?? null,
        });
        return session;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.deps.events.emit('connection.state', { connectionId: id, state: 'disconnected', message });
        throw error;
      }
    });
  }

  /** Connects with the kind's driver, directly or through the profile's jump host. */
  private connectProfile(
    profile: ResolvedProfile,
    ssh: SshSecrets,
    onTunnelState: Parameters<typeof connectTunnelled>[3],
  ) {
    return connectTunnelled(profile, ssh, this.deps.ssh, onTunnelState, async (routed) =>
      (await this.deps.drivers.get(routed.kind)).connect(routed),
    );
  }

  /** A profile that may not be saved yet, with the typed secrets or else the saved ones. */
  private async resolveInput(
    input: ConnectionInputParsed,
  ): Promise<{ profile: ResolvedProfile; ssh: SshSecrets }> {
    const existing = input.id ? await this.deps.profiles.find(input.id) : undefined;
    const password =
      input.auth?.password ??
      (existing?.auth?.hasPassword ? await this.deps.secrets.get(passwordKey(existing.id)) : null);
    const ssh = await readSshSecrets(
      this.deps.secrets,
      existing?.id ?? null,
      existing?.ssh ?? null,
      input.ssh,
    );
    const presence = {
      first: { password: ssh.first.password !== null, passphrase: ssh.first.passphrase !== null },
      second: { password: ssh.second.password !== null, passphrase: ssh.second.passphrase !== null },
    };
    const profile = profileFromInput(
      input,
      password !== null,
      existing?.id,
      sshProfileFromInput(input.ssh, presence),
    );
    return { profile: { ...profile, password }, ssh };
  }

  async close(id: string): Promise<boolean> {
    const closed = await this.sessions.close(id);
    this.tunnels.delete(id);
    if (closed) {
      this.deps.onSessionClosed(id);
      this.deps.events.emit('connection.state', { connectionId: id, state: 'closed', message: null });
    }
    return closed;
  }

  closeAll(): Promise<void> {
    return this.sessions.closeAll();
  }
}
