import type { IEvent, IKeyValue } from 'etcd3';
import type { BackendStreamEvent } from '../../../../shared/model/event-stream.js';
import { streamValue } from '../kit/stream.value.js';
import { pathOfKey } from './etcd.paths.js';

/** The tree path of a key, or null for a key the tree cannot show (an empty level: `/a//b`, `/a/`). */
export function treePathOf(key: Buffer): string | null {
  const path = pathOfKey(key);
  if (path === '/') return path;
  return path.includes('//') || path.endsWith('/') ? null : path;
}

/** etcd sends an absent previous key as null (or, from older servers, an empty message). */
function previous(event: IEvent): IKeyValue | null {
  const prev = (event.prev_kv as IKeyValue | null | undefined) ?? null;
  return prev !== null && prev.key !== undefined && prev.key.length > 0 ? prev : null;
}

/**
 * One etcd watch event as a stream event: a put of a key's first version is `created`, any other put
 * `changed`, a delete `deleted`; the mark is the mod revision, the version the key's version, `before` the
 * previous value etcd sent (prev_kv), `after` the new value. Null when the key has no tree path.
 */
export function streamEventOf(event: IEvent): BackendStreamEvent | null {
  const path = treePathOf(event.kv.key);
  if (path === null) return null;
  const prev = previous(event);
  const deleted = event.type === 'Delete';
  const created = !deleted && event.kv.version === '1';
  return {
    type: deleted ? 'deleted' : created ? 'created' : 'changed',
    path,
    mark: event.kv.mod_revision,
    version: deleted ? null : event.kv.version,
    before: created ? null : streamValue(prev?.value ?? null),
    // A first version had nothing before it; otherwise etcd leaves prev_kv out once it was compacted.
    beforeKnown: created || prev !== null,
    after: deleted ? null : streamValue(event.kv.value ?? Buffer.alloc(0)),
    detail: null,
  };
}
