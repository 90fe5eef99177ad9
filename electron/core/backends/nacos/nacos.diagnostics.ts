import { isAppError } from '../../../../shared/errors.js';
import type { DiagnosticsReport, DiagnosticTable } from '../../../../shared/model/diagnostics.js';
import type { ServiceSummary } from '../../../../shared/model/registry.js';
import {
  diagnosticColumns,
  diagnosticTitle,
  type DiagnosticTableKind,
} from '../../../../shared/labels/diagnostic-tables.js';
import type { DiagnosticsApi, ServiceRegistryApi } from '../backend.js';
import type { NacosHttp } from './nacos.http.js';
import { ENDPOINTS, type NacosTroubleshootApi } from './nacos.probe.troubleshoot.js';
import { ListenersByIpSchema, SubscribersSchema } from './nacos.troubleshoot.schemas.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';

/** Services whose subscribers a report asks for (one call each): a report is on demand, not a scan. */
export const MAX_SERVICES_ASKED = 20;
/** Client IPs asked for the configs they listen to (one call each). */
export const MAX_IPS_ASKED = 20;

const LISTENERS_COLUMNS: DiagnosticTable['columns'] = diagnosticColumns('listeners-by-ip', [
  ['client', 'mono'],
  ['config', 'mono'],
  ['md5', 'mono'],
]);
const SUBSCRIBER_COLUMNS: DiagnosticTable['columns'] = diagnosticColumns('subscribers', [
  ['service', 'mono'],
  ['group', 'text'],
  ['namespace', 'text'],
  ['client', 'mono'],
  ['agent', 'text'],
]);

type Row = DiagnosticTable['rows'][number];

function table(
  id: DiagnosticTableKind,
  columns: DiagnosticTable['columns'],
  rows: Row[],
  notes: string[],
): DiagnosticTable {
  return {
    id,
    ...diagnosticTitle(id),
    available: true,
    reason: null,
    columns,
    rows,
    more: null,
    notes: notes.map((message) => ({ message, fix: null })),
  };
}

function unavailable(
  id: DiagnosticTableKind,
  columns: DiagnosticTable['columns'],
  why: string,
): DiagnosticTable {
  return {
    id,
    ...diagnosticTitle(id),
    available: false,
    reason: { message: why, fix: null },
    columns,
    rows: [],
    more: null,
    notes: [],
  };
}

/** `dataId+group[+tenant]` as Nacos's listener answers name a config (`+` and `%` escaped) → the tree path. */
export function groupKeyPath(groupKey: string): string {
  const [dataId = '', group = '', tenant = ''] = groupKey.split('+').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return `/${tenant === '' ? 'public' : tenant}/${group}/${dataId}`;
}

/**
 * Who is connected, as far as the server tells: the subscribers of the services (GET /v1/ns/service/
 * subscribers) and, for the client IPs found among the subscribers and the instances, the configs each
 * listens to with the md5 it holds (GET /v1/cs/listener?ip=, real Nacos only). A table the server cannot
 * fill says which endpoint it lacks.
 */
export class NacosDiagnostics implements DiagnosticsApi {
  constructor(
    private readonly http: NacosHttp,
    private readonly offered: NacosTroubleshootApi,
    private readonly registry: ServiceRegistryApi | null,
    /** `r-nacos`, `Nacos 2.3.2`: named in the sentence of a missing endpoint. */
    private readonly product: string,
  ) {}

  async report(): Promise<DiagnosticsReport> {
    const services = await this.services();
    const subscribers = await this.subscribers(services);
    const ips = new Set<string>();
    for (const row of subscribers.rows) if (typeof row['ip'] === 'string') ips.add(row['ip']);
    if (this.offered.listenersByIp && services.list !== null) {
      for (const ip of await this.instanceIps(services.list)) ips.add(ip);
    }
    return { tables: [await this.listenersByIp([...ips]), subscribers], checkedAt: Date.now() };
  }

  private async services(): Promise<{ list: ServiceSummary[] | null; error: string | null }> {
    if (this.registry === null)
      return { list: null, error: say(NACOS_SENTENCES, 'noServiceList', { product: this.product }) };
    try {
      return { list: await this.registry.services({}), error: null };
    } catch (error) {
      return { list: null, error: isAppError(error) ? error.message : String(error) };
    }
  }

  private async subscribers(services: {
    list: ServiceSummary[] | null;
    error: string | null;
  }): Promise<DiagnosticTable> {
    if (!this.offered.subscribers) {
      return unavailable(
        'subscribers',
        SUBSCRIBER_COLUMNS,
        say(NACOS_SENTENCES, 'missingSubscribers', {
          product: this.product,
          endpoint: ENDPOINTS.subscribers,
        }),
      );
    }
    if (services.list === null) {
      return unavailable(
        'subscribers',
        SUBSCRIBER_COLUMNS,
        say(NACOS_SENTENCES, 'servicesNotListed', { why: services.error ?? '' }),
      );
    }
    const asked = services.list.slice(0, MAX_SERVICES_ASKED);
    const rows = (await Promise.all(asked.map((service) => this.subscribersOf(service)))).flat();
    const notes = [
      services.list.length > asked.length
        ? say(NACOS_SENTENCES, 'subscribersOfFirst', {
            asked: asked.length,
            total: services.list.length,
          })
        : say(NACOS_SENTENCES, 'subscribersOfAll', { asked: asked.length }),
      say(NACOS_SENTENCES, 'subscribersOverGrpc'),
    ];
    if (rows.length === 0) notes.push(say(NACOS_SENTENCES, 'noSubscribers'));
    return table('subscribers', SUBSCRIBER_COLUMNS, rows, notes);
  }

  private async subscribersOf(service: ServiceSummary): Promise<Row[]> {
    const answer = await this.http.json(
      {
        path: '/v1/ns/service/subscribers',
        query: {
          serviceName: service.name,
          groupName: service.group ?? undefined,
          namespaceId: service.namespace === 'public' ? '' : (service.namespace ?? undefined),
          pageNo: 1,
          pageSize: 1000,
        },
        what: `Listing the subscribers of ${service.name}`,
      },
      SubscribersSchema,
    );
    return (
      (answer.subscribers ?? [])
        // r-nacos matches names as substrings: keep the service asked for.
        .filter((s) => (s.serviceName ?? service.name) === service.name)
        .filter((s) => s.groupName === undefined || s.groupName === null || s.groupName === service.group)
        .map((s) => {
          const ip = s.ip ?? s.addrStr?.split(':')[0] ?? null;
          return {
            service: service.name,
            group: service.group,
            namespace: service.namespace,
            client: s.addrStr ?? (ip === null ? null : `${ip}:${s.port ?? '?'}`),
            agent: s.agent ?? s.app ?? null,
            ip,
          };
        })
    );
  }

  private async instanceIps(services: ServiceSummary[]): Promise<string[]> {
    if (this.registry === null) return [];
    const registry = this.registry;
    const lists = await Promise.all(
      services.slice(0, MAX_SERVICES_ASKED).map((s) =>
        registry
          .instances(s.name, {
            ...(s.group === null ? {} : { group: s.group }),
            ...(s.namespace === null ? {} : { namespace: s.namespace }),
          })
          .catch(() => []),
      ),
    );
    return lists.flat().map((instance) => instance.address);
  }

  private async listenersByIp(ips: string[]): Promise<DiagnosticTable> {
    if (!this.offered.listenersByIp) {
      return unavailable(
        'listeners-by-ip',
        LISTENERS_COLUMNS,
        say(NACOS_SENTENCES, 'missingListenersByIp', {
          product: this.product,
          endpoint: ENDPOINTS.listenersByIp,
        }),
      );
    }
    const asked = [...new Set(ips)].sort().slice(0, MAX_IPS_ASKED);
    const rows = (
      await Promise.all(
        asked.map(async (ip) => {
          const answer = await this.http.json(
            { path: '/v1/cs/listener', query: { ip }, what: `Listing the configs ${ip} listens to` },
            ListenersByIpSchema,
          );
          return Object.entries(answer.lisentersGroupkeyStatus ?? {}).map(([key, md5]) => ({
            client: ip,
            config: groupKeyPath(key),
            md5,
          }));
        }),
      )
    ).flat();
    const notes = [
      ips.length > asked.length
        ? say(NACOS_SENTENCES, 'clientIpsAskedOf', { asked: asked.length, total: ips.length })
        : say(NACOS_SENTENCES, 'clientIpsAsked', { asked: asked.length }),
    ];
    if (rows.length === 0) notes.push(say(NACOS_SENTENCES, 'noListeningClients'));
    return table('listeners-by-ip', LISTENERS_COLUMNS, rows, notes);
  }
}
