import { NACOS_DEFAULT_GROUP } from '../../../../shared/kinds/nacos.kind.js';
import type { RegistryScope, ServiceInstance, ServiceSummary } from '../../../../shared/model/registry.js';
import type { ServiceRegistryApi } from '../backend.js';
import type { NacosHttp } from './nacos.http.js';
import { namespaceRef, type NamespaceRef } from './nacos.paths.js';
import { CatalogServicesSchema, InstanceListSchema, ServiceNamesSchema } from './nacos.schemas.js';

const PAGE_SIZE = 500;
/** A registry with more services than this is cut (the list is for browsing, not export). */
const MAX_SERVICES = 10_000;

/**
 * The Nacos naming service through the v1 open API: services of a namespace (from the catalog when
 * the server offers it, with instance counts, else names only from /v1/ns/service/list) and the
 * instances of a service with their health, weight, metadata and cluster.
 */
export class NacosRegistry implements ServiceRegistryApi {
  constructor(
    private readonly http: NacosHttp,
    private readonly source: 'catalog' | 'service-list',
    /** The profile's namespace: the default scope. */
    private readonly home: NamespaceRef | null,
  ) {}

  async services(scope: RegistryScope): Promise<ServiceSummary[]> {
    const ns = this.namespace(scope);
    const services =
      this.source === 'catalog'
        ? await this.fromCatalog(ns, scope.group)
        : await this.fromNames(ns, scope.group);
    return services.sort((a, b) =>
      a.group === b.group ? cmp(a.name, b.name) : cmp(a.group ?? '', b.group ?? ''),
    );
  }

  async instances(service: string, scope: RegistryScope): Promise<ServiceInstance[]> {
    const ns = this.namespace(scope);
    const split = service.indexOf('@@');
    const group = scope.group ?? (split > 0 ? service.slice(0, split) : NACOS_DEFAULT_GROUP);
    const serviceName = split > 0 ? service.slice(split + 2) : service;
    const answer = await this.http.json(
      {
        path: '/v1/ns/instance/list',
        query: { serviceName, groupName: group, namespaceId: ns.tenant, healthyOnly: false },
        what: `Listing the instances of ${service}`,
      },
      InstanceListSchema,
    );
    return answer.hosts.map((host) => ({
      id: host.instanceId || `${host.ip}#${host.port}#${host.clusterName ?? ''}#${group}@@${serviceName}`,
      node: host.clusterName ?? null,
      address: host.ip,
      port: host.port,
      healthy: host.healthy ?? null,
      weight: host.weight ?? null,
      enabled: host.enabled ?? null,
      ephemeral: host.ephemeral ?? null,
      tags: [],
      metadata: Object.fromEntries(
        Object.entries(host.metadata ?? {}).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      ),
      checks: [],
    }));
  }

  private namespace(scope: RegistryScope): NamespaceRef {
    return scope.namespace !== undefined ? namespaceRef(scope.namespace) : (this.home ?? namespaceRef(''));
  }

  private async fromCatalog(ns: NamespaceRef, group: string | undefined): Promise<ServiceSummary[]> {
    const out: ServiceSummary[] = [];
    for (let pageNo = 1; out.length < MAX_SERVICES; pageNo++) {
      const page = await this.http.json(
        {
          path: '/v1/ns/catalog/services',
          query: {
            withInstances: false,
            pageNo,
            pageSize: PAGE_SIZE,
            namespaceId: ns.tenant,
            groupNameParam: group,
          },
          what: `Listing the services of namespace ${ns.segment}`,
        },
        CatalogServicesSchema,
      );
      for (const item of page.serviceList) {
        const itemGroup = item.groupName ?? NACOS_DEFAULT_GROUP;
        // groupNameParam is a substring search: keep the exact group only.
        if (group !== undefined && itemGroup !== group) continue;
        out.push({
          name: item.name,
          namespace: ns.segment,
          group: itemGroup,
          tags: [],
          instanceCount: item.ipCount ?? null,
          healthyCount: item.healthyInstanceCount ?? null,
        });
      }
      if (page.serviceList.length < PAGE_SIZE || pageNo * PAGE_SIZE >= page.count) break;
    }
    return out;
  }

  private async fromNames(ns: NamespaceRef, group: string | undefined): Promise<ServiceSummary[]> {
    const groupName = group ?? NACOS_DEFAULT_GROUP;
    const out: ServiceSummary[] = [];
    for (let pageNo = 1; out.length < MAX_SERVICES; pageNo++) {
      const page = await this.http.json(
        {
          path: '/v1/ns/service/list',
          query: { pageNo, pageSize: PAGE_SIZE, namespaceId: ns.tenant, groupName },
          what: `Listing the services of namespace ${ns.segment}`,
        },
        ServiceNamesSchema,
      );
      const names = page.doms ?? [];
      for (const name of names) {
        out.push({
          name,
          namespace: ns.segment,
          group: groupName,
          tags: [],
          instanceCount: null,
          healthyCount: null,
        });
      }
      if (names.length < PAGE_SIZE || pageNo * PAGE_SIZE >= page.count) break;
    }
    return out;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
