import type { ConfigNode } from './nacos.paths.js';

/** A config the listener polls, with the md5 last seen ('' while it does not exist). */
export interface ListenedConfig {
  node: ConfigNode;
  md5: string;
}

/** The identity of a config in listener answers: dataId, group and tenant joined by ^2. */
export function keyOf(node: ConfigNode): string {
  return [node.dataId, node.group, node.namespace.tenant].join('\u0002');
}

/** `dataId^2group^2md5[^2tenant]^1` per config: the Listening-Configs format of the v1 listener API. */
export function listeningConfigs(entries: Iterable<ListenedConfig>): string {
  let out = '';
  for (const { node, md5 } of entries) {
    const tenant = node.namespace.tenant === '' ? '' : `\u0002${node.namespace.tenant}`;
    out += `${node.dataId}\u0002${node.group}\u0002${md5}${tenant}\u0001`;
  }
  return out;
}

/**
 * The keys a listener answer names: form-encoded `dataId^2group[^2tenant]^1` lines; [] when nothing
 * changed, null when the answer cannot be read (the caller then checks every config).
 */
export function changedKeys(body: string): string[] | null {
  const trimmed = body.trim();
  if (trimmed === '') return [];
  try {
    const decoded = decodeURIComponent(trimmed.replace(/\+/g, ' '));
    return decoded
      .split('\u0001')
      .filter((line) => line !== '')
      .map((line) => {
        const [dataId = '', group = '', tenant = ''] = line.split('\u0002');
        return [dataId, group, tenant === 'public' ? '' : tenant].join('\u0002');
      });
  } catch {
    return null;
  }
}
