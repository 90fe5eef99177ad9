import { AppError, isAppError } from '../../../shared/errors.js';
import type { ResolvedProfile } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { DriverRegistry } from '../connections/driver.registry.js';
import type { Engine } from '../engine.js';
import { SessionSource } from './session.source.js';
import { SnapshotSource } from './snapshot.source.js';
import type { Source } from './source.js';
import { parseSourceSpec, splitProfileReference, type SourceSpec } from './source.spec.js';

export interface SourceResolverOptions {
  /** The engine's parts a source opens with: saved profiles and their sessions, and the drivers for URLs. */
  engine: Pick<Engine, 'connections' | 'drivers' | 'paths'>;
  /** Session timeout of sources given as URLs (saved profiles keep their own). */
  urlTimeoutMs?: number;
}

const DEFAULT_URL_TIMEOUT_MS = 10_000;

/**
 * Opens sources from their specs (URLs, saved profiles by name, snapshot files). Saved profiles open
 * through the engine's ConnectionService, so their passwords are decrypted exactly as the app does it.
 * Every session opened here is closed by `closeAll`.
 */
export class SourceResolver {
  private readonly connections: ConnectionService;
  private readonly drivers: DriverRegistry;
  private readonly opened: Source[] = [];

  constructor(private readonly options: SourceResolverOptions) {
    this.connections = options.engine.connections;
    this.drivers = options.engine.drivers;
  }

  /** Parses and opens a source spec. */
  async open(text: string): Promise<Source> {
    const spec = parseSourceSpec(text);
    const source = await this.openSpec(spec);
    this.opened.push(source);
    return source;
  }

  /** Closes what this resolver opened: URL sessions, and the sessions of the saved profiles it used. */
  async closeAll(): Promise<void> {
    await Promise.allSettled(this.opened.splice(0).map((source) => source.close()));
  }

  private async openSpec(spec: SourceSpec): Promise<Source> {
    if (spec.type === 'file') return SnapshotSource.open(spec.file, spec.label);
    if (spec.type === 'profile') return this.openProfile(spec.reference, spec.label);
    const profile: ResolvedProfile = {
      id: `url:${spec.server}`,
      name: spec.server,
      kind: spec.kind,
      endpoints: spec.endpoints,
      environment: 'dev',
      readOnly: false,
      folder: null,
      sessionTimeoutMs: this.options.urlTimeoutMs ?? DEFAULT_URL_TIMEOUT_MS,
      auth: spec.username === null ? null : { username: spec.username, hasPassword: spec.password !== null },
      tls: null,
      ssh: null,
      datacenter: null,
      contextPath: null,
      namespace: null,
      adminServerUrl: null,
      password: spec.password,
    };
    const session = await (await this.drivers.get(spec.kind)).connect(profile);
    const { password: _password, ...withoutSecret } = profile;
    return new SessionSource({
      label: spec.label,
      profile: withoutSecret,
      session,
      root: spec.path,
      release: () => session.close(),
    });
  }

  private async openProfile(reference: string, label: string): Promise<Source> {
    const profiles = await this.connections.list();
    const split = splitProfileReference(
      reference,
      profiles.map((profile) => profile.name),
    );
    if (split === null) {
      throw new AppError(
        'NOT_FOUND',
        `There is no saved connection named like "${reference}" in ${this.options.engine.paths.dir}.`,
      );
    }
    const profile = profiles.find((p) => p.name === split.name)!;
    try {
      const session = await this.connections.session(profile.id);
      return new SessionSource({
        label,
        profile,
        session,
        root: split.path,
        release: () => this.connections.close(profile.id).then(() => undefined),
      });
    } catch (error) {
      if (isAppError(error) && error.code === 'AUTH_FAILED' && profile.auth?.hasPassword) {
        throw new AppError(
          'AUTH_FAILED',
          `${error.message.replace(/\.$/, '')} (if its password was saved by the desktop app, only the app can read it: save the profile again in browser mode to use it here).`,
        );
      }
      throw error;
    }
  }
}
