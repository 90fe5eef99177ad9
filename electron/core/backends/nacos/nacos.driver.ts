import { AppError, isAppError } from '../../../../shared/errors.js';
import type { Discovery } from '../../../../shared/model/history.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { openLink, type NacosLink } from './nacos.connect.js';
import { NacosNamespaces } from './nacos.namespaces.js';
import { namespaceRef, type NamespaceRef } from './nacos.paths.js';
import { detectApi, type NacosApi } from './nacos.probe.js';
import { NacosSession } from './nacos.session.js';

/**
 * Runs the connect steps under one deadline (the session timeout): each HTTP call has its own, but a
 * login, the probes and a namespace check in a row must not add up to several. At connect a server
 * that does not answer in time counts as unreachable.
 */
async function withinDeadline<T>(profile: ResolvedProfile, run: (link: NacosLink) => Promise<T>): Promise<T> {
  const ms = profile.sessionTimeoutMs;
  const endpoints = profile.endpoints.join(', ');
  let timer: NodeJS.Timeout | undefined;
  let link: NacosLink | null = null;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('UNREACHABLE', `Nacos at ${endpoints} did not answer within ${ms} ms.`)),
      ms,
    );
  });
  const work = (async () => {
    link = await openLink(profile);
    return run(link);
  })();
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    // Closes the link even when the deadline won and the work finishes later.
    void work.catch(() => undefined).finally(() => link?.close());
    if (isAppError(error) && error.code === 'TIMEOUT') {
      throw new AppError('UNREACHABLE', `Nacos at ${endpoints} did not answer within ${ms} ms.`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The profile's namespace, checked against the server's list when it has one. */
async function homeNamespace(
  link: NacosLink,
  api: NacosApi,
  profile: ResolvedProfile,
): Promise<NamespaceRef | null> {
  if (!profile.namespace) return null;
  const ref = namespaceRef(profile.namespace.trim());
  if (!api.namespaces || ref.tenant === '') return ref;
  const known = await new NacosNamespaces(link.http, true, null).list();
  if (!known.some((ns) => ns.tenant === ref.tenant)) {
    const ids = known
      .map((ns) => ns.segment)
      .slice(0, 10)
      .join(', ');
    throw new AppError(
      'INVALID_INPUT',
      `The namespace "${ref.segment}" does not exist on this Nacos server (it has: ${ids}).`,
    );
  }
  return ref;
}

/** Opens Nacos sessions over the HTTP open API (Nacos 1.x/2.x and r-nacos). */
export class NacosDriver implements BackendDriver {
  readonly kind = 'nacos' as const;

  async connect(profile: ResolvedProfile): Promise<BackendSession> {
    return withinDeadline(profile, async (link) => {
      const api = await detectApi(link.http);
      const home = await homeNamespace(link, api, profile);
      return new NacosSession(link, api, home);
    });
  }

  async discover(profile: ResolvedProfile): Promise<Discovery> {
    return withinDeadline(profile, async (link) => {
      try {
        const api = await detectApi(link.http);
        const namespaces = await new NacosNamespaces(link.http, api.namespaces, null).list();
        return {
          datacenters: null,
          namespaces: namespaces.map((ns) => ({ id: ns.segment, name: ns.name })),
          api: api.description,
        };
      } finally {
        link.close();
      }
    });
  }
}

/** The Nacos driver registered in drivers.ts. */
export function createNacosDriver(): BackendDriver {
  return new NacosDriver();
}
