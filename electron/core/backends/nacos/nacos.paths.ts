import { AppError } from '../../../../shared/errors.js';

/** The node name of Nacos's default namespace, whose id (the `tenant`) is the empty string. */
export const PUBLIC_NAMESPACE = 'public';

/** A namespace as the tree names it (`segment`) and as the API names it (`tenant`). */
export interface NamespaceRef {
  segment: string;
  tenant: string;
}

/** A path of the Nacos tree: `/`, `/<namespace>`, `/<namespace>/<group>`, `/<namespace>/<group>/<dataId>`. */
export type NacosNode =
  | { depth: 0; path: string }
  | { depth: 1; path: string; namespace: NamespaceRef }
  | { depth: 2; path: string; namespace: NamespaceRef; group: string }
  | { depth: 3; path: string; namespace: NamespaceRef; group: string; dataId: string };

export type ConfigNode = Extract<NacosNode, { depth: 3 }>;

/** The namespace node of an API namespace id (`''` is `public`). */
export function namespaceRef(idOrSegment: string): NamespaceRef {
  return idOrSegment === '' || idOrSegment === PUBLIC_NAMESPACE
    ? { segment: PUBLIC_NAMESPACE, tenant: '' }
    : { segment: idOrSegment, tenant: idOrSegment };
}

/** Maps a tree path onto namespace, group and dataId; INVALID_INPUT for a path deeper than a dataId. */
export function resolvePath(path: string): NacosNode {
  if (path === '/') return { depth: 0, path };
  const parts = path.slice(1).split('/');
  if (!path.startsWith('/') || parts.some((part) => part === '')) {
    throw new AppError(
      'INVALID_INPUT',
      `${JSON.stringify(path)} is not a path: it starts with / and has no empty names.`,
    );
  }
  if (parts.length > 3) {
    throw new AppError(
      'INVALID_INPUT',
      `${path} is deeper than Nacos goes: paths are /<namespace>/<group>/<dataId> and a dataId holds no "/".`,
    );
  }
  const namespace = namespaceRef(parts[0]!);
  if (parts.length === 1) return { depth: 1, path, namespace };
  if (parts.length === 2) return { depth: 2, path, namespace, group: parts[1]! };
  return { depth: 3, path, namespace, group: parts[1]!, dataId: parts[2]! };
}

/** Letters and digits of any script plus `_ - . :`, as Nacos and r-nacos check names. */
const VALID_NAME = /^[\p{L}\p{Nd}_.:-]+$/u;
const LIMITS = { dataId: 256, group: 128, namespace: 128 } as const;

/** Throws INVALID_INPUT unless the name is one Nacos accepts as a dataId, group or namespace id. */
export function assertName(kind: keyof typeof LIMITS, name: string): void {
  const label = kind === 'namespace' ? 'namespace id' : kind;
  if (!VALID_NAME.test(name)) {
    throw new AppError(
      'INVALID_INPUT',
      `"${name}" is not a valid Nacos ${label}: only letters, digits and _ - . : are allowed.`,
    );
  }
  if (name.length > LIMITS[kind]) {
    throw new AppError(
      'INVALID_INPUT',
      `The Nacos ${label} "${name}" is longer than ${LIMITS[kind]} characters.`,
    );
  }
}
