import { nodeWithValue } from '../node-value.js';
import { isAppError } from '../../../../shared/errors.js';
import { inWords, type Worded } from '../../../../shared/labels/core-words.js';
import { metaField } from '../../../../shared/labels/meta-fields.js';
import type { MetaField, NodeValue } from '../../../../shared/model/node.js';
import type { ConsulHttp } from './consul.http.js';
import { entryBytes } from './consul.kv.js';
import { parseJson, SessionInfoSchema, type KvEntry } from './consul.schemas.js';

/** Who holds the lock on a key: "session <id> on node <node> (<name>)", as far as the token may see. */
export async function lockHolder(http: ConsulHttp, sessionId: string): Promise<Worded> {
  const what = `Reading session ${sessionId}`;
  try {
    const response = await http.request({
      what,
      path: `/v1/session/info/${encodeURIComponent(sessionId)}`,
    });
    const session = parseJson(response, SessionInfoSchema, what)?.[0];
    const id = sessionId;
    if (!session) return inWords('sessionGone', { id });
    const { Node: node, Name: name } = session;
    if (node && name) return inWords('sessionOnNodeNamed', { id, node, name });
    if (node) return inWords('sessionOnNode', { id, node });
    return name ? inWords('sessionNamed', { id, name }) : inWords('session', { id });
  } catch (error) {
    // The holder is a detail of the value: a token without session:read still reads the key.
    if (isAppError(error) && error.code === 'PERMISSION_DENIED') return inWords('session', { id: sessionId });
    throw error;
  }
}

function metaFields(entry: KvEntry, holder: Worded | null): MetaField[] {
  return [
    metaField('key', entry.Key),
    metaField('create_index', entry.CreateIndex),
    metaField('modify_index', entry.ModifyIndex),
    metaField('lock_index', entry.LockIndex),
    metaField('flags', entry.Flags),
    metaField('session', holder ?? inWords('none')),
    // The bare id, for "who owns it" and for matching the tree's lock marks.
    ...(entry.Session ? [metaField('lock_session', entry.Session)] : []),
  ];
}

/** The NodeValue of a node whose value key exists, cut to `maxBytes` (0 = all). */
export function keyValue(
  path: string,
  entry: KvEntry,
  holder: Worded | null,
  childCount: number,
  maxBytes: number,
): NodeValue {
  const facts = { path, token: entry.ModifyIndex, meta: metaFields(entry, holder), childCount };
  return nodeWithValue(facts, entryBytes(entry), maxBytes);
}
