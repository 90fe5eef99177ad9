import type { ListenerReport } from '../../../../shared/model/history.js';
import type { ListenerApi } from '../backend.js';
import { readConfig } from './nacos.config-api.js';
import type { NacosHttp } from './nacos.http.js';
import { ListenerStatusSchema } from './nacos.schemas.js';
import { configNode } from './nacos.write.js';

/**
 * Nacos's listener query (GET /v1/cs/configs/listener): which clients listen to a config and the md5
 * each holds; a client whose md5 differs from the current one has not picked up the latest version.
 */
export class NacosListenerQuery implements ListenerApi {
  constructor(
    private readonly http: NacosHttp,
    private readonly detail: boolean,
  ) {}

  async query(path: string): Promise<ListenerReport> {
    const node = configNode(path);
    const [status, current] = await Promise.all([
      this.http.json(
        {
          path: '/v1/cs/configs/listener',
          query: { dataId: node.dataId, group: node.group, tenant: node.namespace.tenant },
          what: `Querying the listeners of ${path}`,
        },
        ListenerStatusSchema,
      ),
      readConfig(this.http, node, this.detail),
    ]);
    const currentMd5 = current?.md5 ?? null;
    const listeners = Object.entries(status.lisentersGroupkeyStatus ?? {})
      .map(([client, md5]) => ({ client, md5, inSync: currentMd5 !== null && md5 === currentMd5 }))
      .sort((a, b) => (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));
    return { path, currentMd5, listeners };
  }
}
