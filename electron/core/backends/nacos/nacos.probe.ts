import { say } from '../../../../shared/sentences/sentence-table.js';
import { NACOS_SENTENCES } from '../../../../shared/sentences/nacos.js';
import { NACOS_DEFAULT_GROUP } from '../../../../shared/kinds/nacos.kind.js';
import { AppError } from '../../../../shared/errors.js';
import type { NacosHttp } from './nacos.http.js';
import { offered } from './nacos.offered.js';
import { errorFromResponse } from './nacos.errors.js';
import { detectTroubleshooting, type NacosTroubleshootApi } from './nacos.probe.troubleshoot.js';
import {
  CatalogServicesSchema,
  ConfigPageSchema,
  HistoryPageSchema,
  ListenerStatusSchema,
  NamespacesSchema,
  RNacosHistorySchema,
  ServerStateSchema,
  ServiceNamesSchema,
  SwitchesSchema,
} from './nacos.schemas.js';

/** What the connected server offers, detected once at connect. */
export interface NacosApi {
  /** `Nacos 2.3.2`, `r-nacos`, or `Nacos` when the server does not say. */
  product: string;
  /** GET /v1/cs/configs?show=all answers the config with its type, description and times (real Nacos). */
  detail: boolean;
  history: 'v1' | 'r-nacos-console' | null;
  listenerQuery: boolean;
  naming: 'catalog' | 'service-list' | null;
  namespaces: boolean;
  /**
   * The config search pages in (group, dataId) order, so a group's first page is its first configs:
   * r-nacos serves it from its ordered config index; Nacos pages in database row order (no ORDER BY).
   */
  orderedConfigs: boolean;
  /** Other API generations the server also offers (shown, not used). */
  v2: boolean;
  v3: boolean;
  /** Who listens, who subscribes, which members: what the server offers of it. */
  troubleshoot: NacosTroubleshootApi;
  /** One line for the UI: product and the API in use. */
  description: string;
}

const PROBE_ID = { dataId: 'configdeck.probe', group: NACOS_DEFAULT_GROUP };

/**
 * Whether a v2/v3 API answers at the path: those answer with their own envelope `{code, message, data}`
 * even for a missing config (HTTP 404) or a missing token, unlike a server's generic not-found page.
 */
async function answersEnvelope(http: NacosHttp, path: string): Promise<boolean> {
  const response = await http.request({ path, what: 'Detecting the Nacos API', query: PROBE_ID });
  if (response.status === 405) return false;
  const body = safeJson(response.body);
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number';
}

/**
 * Probes the server once: the v1 config API is required (it is what the tree uses); history,
 * listener query, naming and namespaces are optional features that become capabilities.
 */
export async function detectApi(http: NacosHttp): Promise<NacosApi> {
  const connecting = `Connecting to Nacos at ${http.label}`;
  const configs = await http.request({
    path: '/v1/cs/configs',
    query: { search: 'accurate', dataId: '', group: '', pageNo: 1, pageSize: 1 },
    what: connecting,
  });
  if (configs.status === 404 || configs.status === 405) {
    throw new AppError(
      'UNSUPPORTED',
      (await answersEnvelope(http, '/v3/admin/cs/config'))
        ? `The Nacos server at ${http.label} offers only the v3 admin API, which ConfigDeck does not speak yet (it needs the v1 open API).`
        : `The server at ${http.label} does not offer the Nacos v1 open API under this context path; check the context path.`,
    );
  }
  if (configs.status < 200 || configs.status > 299) {
    const error = errorFromResponse(configs, connecting);
    if (error.code === 'AUTH_FAILED' && !http.authenticated) {
      throw new AppError(
        'AUTH_FAILED',
        `Nacos at ${http.label} requires a user name and password: its open API has authentication turned on.`,
      );
    }
    throw error;
  }
  if (ConfigPageSchema.safeParse(safeJson(configs.body)).success === false) {
    throw new AppError(
      'UNSUPPORTED',
      `The server at ${http.label} answers, but not like a Nacos server (v1 config list); check the endpoint and the context path.`,
    );
  }
  const what = 'Detecting the Nacos API';
  const [
    state,
    rnacos,
    v1History,
    rnacosHistory,
    listeners,
    catalog,
    serviceList,
    namespaces,
    v2,
    v3,
    troubleshoot,
  ] = await Promise.all([
    offered(http, { path: '/v1/console/server/state', what }, ServerStateSchema),
    // r-nacos names itself in the (mocked) naming switches; real Nacos answers its own switch domain.
    offered(http, { path: '/v1/ns/operator/switches', what }, SwitchesSchema).then(
      (s) => s?.name === 'R-NACOS',
    ),
    offered(
      http,
      { path: '/v1/cs/history', query: { search: 'accurate', ...PROBE_ID, pageNo: 1, pageSize: 1 }, what },
      HistoryPageSchema,
    ),
    offered(
      http,
      {
        path: '/rnacos/api/console/config/history',
        outsideContext: true,
        query: { ...PROBE_ID, pageNo: 1, pageSize: 1 },
        what,
      },
      RNacosHistorySchema,
    ),
    offered(http, { path: '/v1/cs/configs/listener', query: PROBE_ID, what }, ListenerStatusSchema),
    offered(
      http,
      { path: '/v1/ns/catalog/services', query: { withInstances: false, pageNo: 1, pageSize: 1 }, what },
      CatalogServicesSchema,
    ),
    offered(
      http,
      { path: '/v1/ns/service/list', query: { pageNo: 1, pageSize: 1 }, what },
      ServiceNamesSchema,
    ),
    offered(http, { path: '/v1/console/namespaces', what }, NamespacesSchema),
    answersEnvelope(http, '/v2/cs/config'),
    answersEnvelope(http, '/v3/admin/cs/config'),
    detectTroubleshooting(http),
  ]);
  const product = rnacos ? 'r-nacos' : state?.version ? `Nacos ${state.version}` : 'Nacos';
  const history = v1History ? 'v1' : rnacosHistory ? 'r-nacos-console' : null;
  const apis = [v2 ? 'v2' : null, v3 ? say(NACOS_SENTENCES, 'v3Admin') : null].filter((x) => x !== null);
  const notes = [
    history === 'r-nacos-console' ? say(NACOS_SENTENCES, 'historyThroughConsole') : null,
    apis.length > 0 ? say(NACOS_SENTENCES, 'alsoOffers', { apis: apis.join(', ') }) : null,
  ].filter((x) => x !== null);
  return {
    product,
    detail: !rnacos && state !== null,
    history,
    listenerQuery: listeners !== null,
    naming: catalog ? 'catalog' : serviceList ? 'service-list' : null,
    namespaces: namespaces !== null,
    orderedConfigs: rnacos,
    v2,
    v3,
    troubleshoot,
    description:
      notes.length === 0
        ? say(NACOS_SENTENCES, 'serverDescription', { product })
        : say(NACOS_SENTENCES, 'serverDescriptionNotes', { product, notes: notes.join('; ') }),
  };
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
