import { AppError } from '../../../../shared/errors.js';
import { errorFromResponse } from './nacos.errors.js';
import { parseJson, type NacosHttp } from './nacos.http.js';
import type { ConfigNode } from './nacos.paths.js';
import { ConfigDetailSchema } from './nacos.schemas.js';
import type { RawResponse } from './nacos.transport.js';
import { md5Of, toMillis, type ConfigRecord } from './nacos.values.js';

function keyOf(node: ConfigNode): { dataId: string; group: string; tenant: string } {
  return { dataId: node.dataId, group: node.group, tenant: node.namespace.tenant };
}

function header(response: RawResponse, name: string): string | null {
  const value = response.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** r-nacos says the type only through the media type; text/plain covers text, yaml, properties and toml. */
function typeFromMediaType(contentType: string | null): string | null {
  if (contentType === null) return null;
  if (/application\/json/i.test(contentType)) return 'json';
  if (/application\/xml|text\/xml/i.test(contentType)) return 'xml';
  if (/text\/html/i.test(contentType)) return 'html';
  return null;
}

function fromRaw(response: RawResponse): ConfigRecord {
  const content = response.body;
  const lastModified = header(response, 'last-modified');
  return {
    content,
    md5: header(response, 'content-md5') ?? md5Of(content),
    type: header(response, 'config-type') ?? typeFromMediaType(header(response, 'content-type')),
    description: null,
    tags: null,
    appName: null,
    modifiedAt: lastModified === null ? null : toMillis(lastModified),
    createdAt: null,
  };
}

/**
 * Reads one config, or null when it does not exist. With `detail` (real Nacos) `show=all` returns the
 * config with type, description, tags, app name and times; otherwise (r-nacos) the plain read returns
 * the content, its md5 in a header and the type as far as the media type tells.
 */
export async function readConfig(
  http: NacosHttp,
  node: ConfigNode,
  detail: boolean,
): Promise<ConfigRecord | null> {
  const what = `Reading ${node.path}`;
  const response = await http.request({
    path: '/v1/cs/configs',
    query: { ...keyOf(node), ...(detail ? { show: 'all' } : {}) },
    what,
  });
  if (response.status === 404) return null;
  if (response.status < 200 || response.status > 299) throw errorFromResponse(response, what);
  if (!detail) return fromRaw(response);
  // Nacos answers a missing config to show=all with an empty 200.
  if (response.body.length === 0 || response.body.toString('utf8').trim() === 'null') return null;
  const info = parseJson(response.body, ConfigDetailSchema, what);
  const content = Buffer.from(info.content, 'utf8');
  return {
    content,
    md5: info.md5 || md5Of(content),
    type: info.type || null,
    description: info.desc || null,
    tags: info.configTags || null,
    appName: info.appName || null,
    modifiedAt: toMillis(info.modifyTime),
    createdAt: toMillis(info.createTime),
  };
}

export interface PublishOptions {
  /** Declared type; omitted keeps what the server has (r-nacos) or lets it default (new configs). */
  type: string | null;
  /** Real Nacos compares it atomically; r-nacos ignores it (the caller checks first). */
  casMd5: string | null;
  /** Advanced info to send again so a save does not clear it (real Nacos resets what is not sent). */
  keep: Pick<ConfigRecord, 'description' | 'tags' | 'appName'> | null;
}

/** Publishes (creates or replaces) a config: POST /v1/cs/configs. */
export async function publishConfig(
  http: NacosHttp,
  node: ConfigNode,
  content: string,
  options: PublishOptions,
  what: string,
): Promise<void> {
  const form = {
    ...keyOf(node),
    content,
    type: options.type,
    casMd5: options.casMd5,
    desc: options.keep?.description,
    config_tags: options.keep?.tags,
    appName: options.keep?.appName,
  };
  const headers: Record<string, string> = options.casMd5 === null ? {} : { casMd5: options.casMd5 };
  const body = (await http.text({ method: 'POST', path: '/v1/cs/configs', form, headers, what })).trim();
  if (body !== 'true' && !/"data"\s*:\s*true/.test(body)) {
    throw new AppError(
      'INTERNAL',
      `${what}: the Nacos server did not confirm the publish ("${body.slice(0, 120)}").`,
    );
  }
}

/** Deletes a config: DELETE /v1/cs/configs (Nacos answers true whether or not it existed). */
export async function removeConfig(http: NacosHttp, node: ConfigNode, what: string): Promise<void> {
  await http.ok({ method: 'DELETE', path: '/v1/cs/configs', query: keyOf(node), what });
}
