import { AppError } from '../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../shared/kinds/kinds.js';
import type {
  DiagnosticsReport,
  LeaseKeysPage,
  LeasePage,
  OwnerReport,
  ServersReport,
  WatchersReport,
} from '../../../shared/model/diagnostics.js';
import type { BackendSession } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { ConnectionProfile } from '../../../shared/model/connection.js';

export type DiagnosticApiName = 'servers' | 'diagnostics' | 'watchers' | 'owners' | 'leases';
type Api = DiagnosticApiName;

const API_NAMES: Record<Api, string> = {
  servers: 'a view of its members and their health',
  diagnostics: 'a view of who is connected',
  watchers: 'a list of the clients that watch a path',
  owners: 'the owner of a node',
  leases: 'a list of leases',
};

/**
 * The troubleshooting answers (members and health, connections, who watches, who owns, leases) over the
 * session's optional APIs; UNSUPPORTED with one sentence where a store has none (for "who watches", the
 * kind's own sentence: etcd does not tell which clients watch a key).
 */
export class DiagnosticsService {
  constructor(private readonly connections: ConnectionService) {}

  async health(connectionId: string): Promise<ServersReport> {
    return (await this.api(connectionId, 'servers')).health();
  }

  async report(connectionId: string): Promise<DiagnosticsReport> {
    return (await this.api(connectionId, 'diagnostics')).report();
  }

  async watchers(connectionId: string, path: string, confirmed: boolean): Promise<WatchersReport> {
    return (await this.api(connectionId, 'watchers')).query(path, confirmed);
  }

  async owner(connectionId: string, path: string): Promise<OwnerReport> {
    return (await this.api(connectionId, 'owners')).query(path);
  }

  async leases(connectionId: string, cursor: string | null, limit: number): Promise<LeasePage> {
    return (await this.api(connectionId, 'leases')).list(cursor, limit);
  }

  async leaseKeys(
    connectionId: string,
    leaseId: string,
    cursor: string | null,
    limit: number,
  ): Promise<LeaseKeysPage> {
    return (await this.api(connectionId, 'leases')).keys(leaseId, cursor, limit);
  }

  private async api<A extends Api>(connectionId: string, api: A): Promise<NonNullable<BackendSession[A]>> {
    const session = await this.connections.session(connectionId);
    return diagnosticApi(session, await this.connections.profile(connectionId), api);
  }
}

/**
 * One troubleshooting API of a session, or UNSUPPORTED in one sentence: for "who watches", the kind's own
 * sentence where the store cannot tell (etcd does not tell which clients watch a key). Shared with the CLI.
 */
export function diagnosticApi<A extends DiagnosticApiName>(
  session: BackendSession,
  profile: Pick<ConnectionProfile, 'kind' | 'name'>,
  api: A,
): NonNullable<BackendSession[A]> {
  const found = session[api];
  if (found) return found as NonNullable<BackendSession[A]>;
  const unknown = KIND_DESCRIPTORS[profile.kind].watchersUnknown;
  if (api === 'watchers' && unknown !== null) throw new AppError('UNSUPPORTED', unknown);
  throw new AppError(
    'UNSUPPORTED',
    `The ${profile.kind} server of "${profile.name}" does not offer ${API_NAMES[api]}.`,
  );
}
