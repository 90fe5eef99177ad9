import { AppError } from '../../../../shared/errors.js';
import type { Discovery } from '../../../../shared/model/history.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { connectTarget, connectWithin, type ConnectResource } from '../kit/connect.deadline.js';
import { openLink, type NacosLink } from './nacos.connect.js';
import { NacosNamespaces } from './nacos.namespaces.js';
import { namespaceRef, type NamespaceRef } from './nacos.paths.js';
import { detectApi, type NacosApi } from './nacos.probe.js';
import { NacosSession } from './nacos.session.js';

/**
 * The HTTP link of a profile, as a connect opens and releases it. The connect steps on it (login, the
 * probes, a namespace check) run under one deadline: each HTTP call has its own, but calls in a row must
 * not add up to several.
 */
function linkOf(profile: ResolvedProfile): ConnectResource<NacosLink> {
  return { open: () => openLink(profile), release: (link) => link.close() };
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
    return connectWithin(connectTarget(profile), linkOf(profile), async (link) => {
      const api = await detectApi(link.http);
      const home = await homeNamespace(link, api, profile);
      return new NacosSession(link, api, home);
    });
  }

  async discover(profile: ResolvedProfile): Promise<Discovery> {
    const steps = async (link: NacosLink): Promise<Discovery> => {
      const api = await detectApi(link.http);
      const namespaces = await new NacosNamespaces(link.http, api.namespaces, null).list();
      return {
        datacenters: null,
        namespaces: namespaces.map((ns) => ({ id: ns.segment, name: ns.name })),
        api: api.description,
      };
    };
    return connectWithin(connectTarget(profile), linkOf(profile), steps, 'release');
  }
}

/** The Nacos driver registered in drivers.ts. */
export function createNacosDriver(): BackendDriver {
  return new NacosDriver();
}
