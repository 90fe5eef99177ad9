import { AppError } from '../../../shared/errors.js';
import type {
  ClusterOverview,
  CatalogNode,
  RegistryScope,
  ServiceInstance,
  ServiceSummary,
} from '../../../shared/model/registry.js';
import type { ListenerReport } from '../../../shared/model/history.js';
import type { BackendSession } from '../backends/backend.js';
import type { ConnectionService } from '../connections/connection.service.js';

type Feature = 'catalog' | 'registry' | 'history' | 'listeners';

const FEATURE_NAMES: Record<Feature, string> = {
  catalog: 'a catalog (datacenters, nodes, leader and peers)',
  registry: 'a service registry',
  history: 'a history of values',
  listeners: 'a listener query',
};

/** The views beyond the tree (catalog, registry, history, listeners); UNSUPPORTED where a backend has none. */
export class FeatureService {
  constructor(private readonly connections: ConnectionService) {}

  async overview(connectionId: string, datacenter: string | null): Promise<ClusterOverview> {
    return (await this.feature(connectionId, 'catalog')).overview(datacenter);
  }

  async catalogNodes(connectionId: string, datacenter: string | null): Promise<CatalogNode[]> {
    return (await this.feature(connectionId, 'catalog')).nodes(datacenter);
  }

  async services(connectionId: string, scope: RegistryScope): Promise<ServiceSummary[]> {
    return (await this.feature(connectionId, 'registry')).services(scope);
  }

  async instances(connectionId: string, service: string, scope: RegistryScope): Promise<ServiceInstance[]> {
    return (await this.feature(connectionId, 'registry')).instances(service, scope);
  }

  async listeners(connectionId: string, path: string): Promise<ListenerReport> {
    return (await this.feature(connectionId, 'listeners')).query(path);
  }

  private async feature<F extends Feature>(
    connectionId: string,
    feature: F,
  ): Promise<NonNullable<BackendSession[F]>> {
    const session = await this.connections.session(connectionId);
    const api = session[feature];
    if (!api) {
      const profile = await this.connections.profile(connectionId);
      throw new AppError(
        'UNSUPPORTED',
        `The ${profile.kind} server of "${profile.name}" does not offer ${FEATURE_NAMES[feature]}.`,
      );
    }
    return api as NonNullable<BackendSession[F]>;
  }
}
