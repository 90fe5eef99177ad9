import type { AclEntry, MetaField, NodeValue } from '../../../shared/model/node.js';

/** The value part of a NodeValue: at most `maxBytes` bytes (0 = all), with the full size and whether it was cut. */
export function valueSlice(
  value: Buffer,
  maxBytes: number,
): Pick<NodeValue, 'valueBase64' | 'size' | 'truncated'> {
  const truncated = maxBytes > 0 && value.length > maxBytes;
  return {
    valueBase64: (truncated ? value.subarray(0, maxBytes) : value).toString('base64'),
    size: value.length,
    truncated,
  };
}

/** The NodeValue of a node without a value of its own: a prefix with keys below it, a namespace, the root. */
export function folderValue(path: string, childCount: number | null, meta: MetaField[] = []): NodeValue {
  return {
    path,
    hasValue: false,
    ...valueSlice(Buffer.alloc(0), 0),
    token: null,
    meta,
    acls: null,
    childCount,
  };
}

/** What a node that holds a value shows besides the value: its token, metadata, ACLs (none by default) and child count. */
export interface ValueFacts {
  path: string;
  token: string;
  meta: MetaField[];
  acls?: AclEntry[] | null;
  childCount: number;
}

/** The NodeValue of a node that holds a value: at most `maxBytes` bytes of it (0 = all). */
export function nodeWithValue(facts: ValueFacts, value: Buffer, maxBytes: number): NodeValue {
  const { path, token, meta, acls = null, childCount } = facts;
  return { path, hasValue: true, ...valueSlice(value, maxBytes), token, meta, acls, childCount };
}
