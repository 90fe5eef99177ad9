import { AppError } from '../../../../shared/errors.js';
import type { HistoryEntry, HistoryVersion, ServerHistory } from '../../../../shared/model/history.js';
import type { HistoryApi } from '../backend.js';
import type { NacosHttp } from './nacos.http.js';
import type { ConfigNode } from './nacos.paths.js';
import { HistoryDetailSchema, HistoryPageSchema, RNacosHistorySchema } from './nacos.schemas.js';
import { md5Of, toMillis } from './nacos.values.js';
import { configNode } from './nacos.write.js';

/** Nacos keeps history for a while (30 days by default); the newest 100 versions are listed. */
const HISTORY_PAGE = 100;

const OPERATIONS: Record<string, HistoryEntry['operation']> = { I: 'create', U: 'update', D: 'delete' };

const query = (node: ConfigNode): Record<string, string> => ({
  dataId: node.dataId,
  group: node.group,
  tenant: node.namespace.tenant,
});

const iso = (ms: number | null): string => new Date(ms ?? 0).toISOString();

/** The fields every version from the server shares. */
const SERVER_ENTRY = {
  source: 'server',
  revision: null,
  version: null,
  size: null,
  restorable: true,
  note: null,
} as const satisfies Partial<HistoryEntry>;

/** Nacos names who published by user and by the client's IP; either may be missing. */
function authorOf(user: string | null, ip: string | null): string | null {
  if (user && ip) return `${user} (${ip})`;
  return user || ip || null;
}

/**
 * Config history through the v1 open API of Nacos 1.x/2.x (GET /v1/cs/history). Nacos records a row
 * per publish or delete; as Nacos itself shows it, the content of a row is the config as it was
 * written by that operation for inserts and as it was before the change for updates and deletes.
 */
export class NacosV1History implements HistoryApi {
  constructor(private readonly http: NacosHttp) {}

  async list(path: string, limit: number): Promise<ServerHistory> {
    const node = configNode(path);
    const page = await this.http.json(
      {
        path: '/v1/cs/history',
        query: { search: 'accurate', ...query(node), pageNo: 1, pageSize: Math.min(limit, HISTORY_PAGE) },
        what: `Reading the history of ${path}`,
      },
      HistoryPageSchema,
    );
    const entries = page.pageItems
      .map((item): HistoryEntry => ({
        ...SERVER_ENTRY,
        id: item.id,
        time: iso(toMillis(item.lastModifiedTime) ?? toMillis(item.createdTime)),
        operation: OPERATIONS[(item.opType ?? '').trim()] ?? 'unknown',
        md5: item.md5 ?? null,
        author: authorOf(item.srcUser ?? null, item.srcIp ?? null),
      }))
      .sort((a, b) =>
        a.time === b.time ? Number(b.id) - Number(a.id) : (a.time ?? '') < (b.time ?? '') ? 1 : -1,
      );
    return { entries, notes: [] };
  }

  async get(path: string, id: string): Promise<HistoryVersion> {
    const node = configNode(path);
    if (!/^\d+$/.test(id)) throw new AppError('INVALID_INPUT', `"${id}" is not a Nacos history id.`);
    const item = await this.http.json(
      {
        path: '/v1/cs/history',
        query: { nid: id, ...query(node) },
        what: `Reading version ${id} of ${path}`,
      },
      HistoryDetailSchema,
    );
    const content = item.content ?? '';
    return {
      ...SERVER_ENTRY,
      id: item.id,
      time: iso(toMillis(item.lastModifiedTime) ?? toMillis(item.createdTime)),
      operation: OPERATIONS[(item.opType ?? '').trim()] ?? 'unknown',
      md5: item.md5 ?? md5Of(content),
      author: authorOf(item.srcUser ?? null, item.srcIp ?? null),
      size: Buffer.byteLength(content, 'utf8'),
      valueBase64: Buffer.from(content, 'utf8').toString('base64'),
    };
  }
}

/**
 * Config history of r-nacos, read from its console API when the server serves that console on the
 * API port (RNACOS_ENABLE_NO_AUTH_CONSOLE). r-nacos keeps the last 100 published versions of a config
 * that still exists, each with its full content, newest first; the oldest one kept is the creation
 * only when fewer than 100 were kept.
 */
export class RNacosConsoleHistory implements HistoryApi {
  constructor(private readonly http: NacosHttp) {}

  async list(path: string, limit: number): Promise<ServerHistory> {
    const versions = await this.versions(path);
    return { entries: versions.slice(0, limit).map(({ valueBase64: _value, ...entry }) => entry), notes: [] };
  }

  async get(path: string, id: string): Promise<HistoryVersion> {
    const version = (await this.versions(path)).find((v) => v.id === id);
    if (!version) throw new AppError('NOT_FOUND', `${path} has no version ${id} in its history.`);
    return version;
  }

  private async versions(path: string): Promise<HistoryVersion[]> {
    const node = configNode(path);
    const page = await this.http.json(
      {
        path: '/rnacos/api/console/config/history',
        outsideContext: true,
        query: { ...query(node), pageNo: 1, pageSize: HISTORY_PAGE },
        what: `Reading the history of ${path}`,
      },
      RNacosHistorySchema,
    );
    return page.list.map((item, index) => {
      const content = item.content ?? '';
      // r-nacos drops the oldest version past 100: then the last one listed is not the creation.
      const first = index === page.list.length - 1 && page.count < HISTORY_PAGE;
      return {
        ...SERVER_ENTRY,
        id: item.id,
        time: iso(item.modifiedTime ?? null),
        operation: first ? 'create' : 'update',
        md5: md5Of(content),
        author: item.opUser ?? null,
        size: Buffer.byteLength(content, 'utf8'),
        valueBase64: Buffer.from(content, 'utf8').toString('base64'),
      };
    });
  }
}
