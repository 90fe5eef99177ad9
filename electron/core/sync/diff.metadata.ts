import type { KeyMeta } from '../sources/source.js';

/**
 * Metadata that means the same thing on another cluster, so comparing it makes sense: Consul flags,
 * Nacos type, app, tags and description, and ACLs. Revisions, versions, times and lease ids are left
 * out: they always differ between two clusters and say nothing about the configuration.
 */
const PORTABLE_FIELDS = ['flags', 'type', 'appName', 'app', 'tags', 'desc'];
const ACL_FIELD = '@acl';

/** The portable part of a key's metadata, or null when it has none. */
export function portableMeta(meta: KeyMeta | null): Record<string, string> | null {
  if (meta === null) return null;
  const result: Record<string, string> = {};
  for (const field of PORTABLE_FIELDS) {
    const value = meta.fields[field];
    if (value !== undefined) result[field] = value;
  }
  if (meta.acls !== null) {
    const acls = meta.acls.map((acl) => `${acl.scheme}:${acl.id}:${acl.permissions}`).sort();
    result[ACL_FIELD] = acls.join(',');
  }
  return Object.keys(result).length === 0 ? null : result;
}

/** Whether a field both sides report differs (a field only one side has is not compared). */
export function metaDiffers(
  left: Record<string, string> | null,
  right: Record<string, string> | null,
): boolean {
  if (left === null || right === null) return false;
  return Object.keys(left).some((field) => field in right && left[field] !== right[field]);
}
