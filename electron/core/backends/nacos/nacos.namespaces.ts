import { AppError } from '../../../../shared/errors.js';
import type { NacosHttp } from './nacos.http.js';
import { namespaceRef, PUBLIC_NAMESPACE, type NamespaceRef } from './nacos.paths.js';
import { NamespacesSchema } from './nacos.schemas.js';

const CACHE_MS = 2000;

/** A namespace as listed by the server. */
export interface NamespaceInfo extends NamespaceRef {
  name: string;
  description: string | null;
}

/**
 * The namespaces a session shows: every namespace the server lists, or only the profile's one. When
 * the server has no namespace API (or the user may not list namespaces) the tree still shows
 * `public`, or the profile's namespace.
 */
export class NacosNamespaces {
  private cached: { at: number; value: Promise<NamespaceInfo[]> } | null = null;

  constructor(
    private readonly http: NacosHttp,
    private readonly offered: boolean,
    private readonly only: NamespaceRef | null,
  ) {}

  /** Namespaces in server order, `public` first. */
  async list(): Promise<NamespaceInfo[]> {
    const all = this.offered ? [...(await this.fetchCached())] : [];
    if (this.only !== null) {
      const found = all.find((ns) => ns.tenant === this.only!.tenant);
      return [found ?? { ...this.only, name: this.only.segment, description: null }];
    }
    if (!all.some((ns) => ns.tenant === ''))
      all.unshift({ ...namespaceRef(''), name: PUBLIC_NAMESPACE, description: null });
    return all;
  }

  /** The namespace of a node; NOT_FOUND when the session does not show it. */
  async find(ref: NamespaceRef): Promise<NamespaceInfo> {
    const found = (await this.list()).find((ns) => ns.tenant === ref.tenant);
    if (!found) throw new AppError('NOT_FOUND', `No namespace "${ref.segment}" exists on this Nacos server.`);
    return found;
  }

  /**
   * NOT_FOUND when the session does not show the namespace of a node. Unlike find(), it asks the server
   * only when it must: public is always shown, and so is the one namespace of a profile that names one.
   */
  async shows(ref: NamespaceRef): Promise<void> {
    if (this.only !== null ? ref.tenant === this.only.tenant : ref.tenant === '') return;
    await this.find(ref);
  }

  /** Creates a namespace with the given id (POST /v1/console/namespaces). */
  async create(ref: NamespaceRef, description: string | null): Promise<void> {
    this.requireApi('Creating a namespace');
    if (this.only !== null) {
      throw new AppError('INVALID_INPUT', `This connection shows only the namespace "${this.only.segment}".`);
    }
    if ((await this.fetch()).some((ns) => ns.tenant === ref.tenant)) {
      throw new AppError('NODE_EXISTS', `The namespace "${ref.segment}" already exists.`);
    }
    const form = {
      customNamespaceId: ref.tenant,
      namespaceName: ref.segment,
      namespaceDesc: description ?? '',
    };
    this.cached = null;
    await this.expectTrue({ method: 'POST', form }, `Creating the namespace ${ref.segment}`);
  }

  /** Deletes an (empty) namespace (DELETE /v1/console/namespaces). */
  async remove(ref: NamespaceRef): Promise<void> {
    this.requireApi('Deleting a namespace');
    this.cached = null;
    await this.expectTrue(
      { method: 'DELETE', query: { namespaceId: ref.tenant } },
      `Deleting the namespace ${ref.segment}`,
    );
  }

  /** Forgets the cached list (a watch saw a change). */
  invalidate(): void {
    this.cached = null;
  }

  /** The list, reused for a short while: browsing asks for it on every level. */
  private fetchCached(): Promise<NamespaceInfo[]> {
    if (this.cached !== null && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const value = this.fetch();
    const entry = { at: Date.now(), value };
    this.cached = entry;
    value.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return value;
  }

  private async fetch(): Promise<NamespaceInfo[]> {
    const answer = await this.http.json(
      { path: '/v1/console/namespaces', what: 'Listing the Nacos namespaces' },
      NamespacesSchema,
    );
    return answer.data.map((ns) => ({
      ...namespaceRef(ns.namespace ?? ''),
      name: ns.namespaceShowName || (ns.namespace ? ns.namespace : PUBLIC_NAMESPACE),
      description: ns.namespaceDesc || null,
    }));
  }

  /** Throws UNSUPPORTED when the server has no namespace API. */
  requireApi(what: string): void {
    if (!this.offered) {
      throw new AppError(
        'UNSUPPORTED',
        `${what} needs the Nacos namespace API, which this server does not offer.`,
      );
    }
  }

  private async expectTrue(
    call: { method: 'POST' | 'DELETE'; form?: Record<string, string>; query?: Record<string, string> },
    what: string,
  ): Promise<void> {
    const body = (await this.http.text({ path: '/v1/console/namespaces', what, ...call })).trim();
    if (body !== 'true' && !/"(?:code|data)"\s*:\s*(?:0|200|true)/.test(body)) {
      throw new AppError('INTERNAL', `${what}: the Nacos server answered "${body.slice(0, 120)}".`);
    }
  }
}
