import { z } from 'zod';
import type { RegistryScope, ServiceInstance, ServiceSummary } from '../../../../shared/model/registry.js';
import type { ServiceRegistryApi } from '../backend.js';
import { healthCheck, isHealthy } from './consul.health.js';
import type { ConsulHttp } from './consul.http.js';
import { mapBounded } from './consul.pool.js';
import { parseJson, ServiceEntryWireSchema, type ServiceEntryWire } from './consul.schemas.js';

/** Health requests in flight at once while counting instances of every service. */
const HEALTH_WINDOW = 8;

const ServiceMapSchema = z.record(z.string(), z.array(z.string()).nullable());
const ServiceEntriesSchema = z
  .array(ServiceEntryWireSchema)
  .nullable()
  .transform((entries) => entries ?? []);

function instance(entry: ServiceEntryWire): ServiceInstance {
  const checks = (entry.Checks ?? []).map(healthCheck);
  const service = entry.Service;
  return {
    id: service.ID,
    node: entry.Node.Node,
    address: service.Address || entry.Node.Address,
    port: service.Port ? service.Port : null,
    healthy: isHealthy(checks),
    weight: service.Weights?.Passing ?? null,
    enabled: null,
    ephemeral: null,
    tags: service.Tags ?? [],
    metadata: service.Meta ?? {},
    checks,
  };
}

/** Services of the catalog with instance health (namespaces and groups are Nacos notions: ignored). */
export class ConsulRegistry implements ServiceRegistryApi {
  constructor(private readonly http: ConsulHttp) {}

  /** Every service with its tags and how many of its instances are healthy (one health request each). */
  async services(scope: RegistryScope): Promise<ServiceSummary[]> {
    const what = 'Listing Consul services';
    const response = await this.http.request({
      what,
      path: '/v1/catalog/services',
      datacenter: scope.datacenter,
    });
    const services = Object.entries(parseJson(response, ServiceMapSchema, what)).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return mapBounded(services, HEALTH_WINDOW, async ([name, tags]) => {
      const instances = await this.instances(name, scope);
      return {
        name,
        namespace: null,
        group: null,
        tags: tags ?? [],
        instanceCount: instances.length,
        healthyCount: instances.filter((i) => i.healthy).length,
      };
    });
  }

  /** The instances of `service` with their node, address, weight, tags, metadata and checks. */
  async instances(service: string, scope: RegistryScope): Promise<ServiceInstance[]> {
    const what = `Reading the instances of ${service}`;
    const response = await this.http.request({
      what,
      path: `/v1/health/service/${encodeURIComponent(service)}`,
      datacenter: scope.datacenter,
    });
    return parseJson(response, ServiceEntriesSchema, what).map(instance);
  }
}
