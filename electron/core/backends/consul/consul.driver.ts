import { z } from 'zod';
import { AppError, isAppError } from '../../../../shared/errors.js';
import type { Discovery } from '../../../../shared/model/history.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import { connectTarget, connectWithin, type ConnectResource } from '../kit/connect.deadline.js';
import { loadTlsFiles, tlsConfigured } from '../kit/tls.files.js';
import type { AgentInfo } from './consul.catalog.js';
import { parseEndpoints } from './consul.endpoints.js';
import { ConsulHttp } from './consul.http.js';
import { fetchLevel } from './consul.levels.js';
import { AgentSelfSchema, parseJson } from './consul.schemas.js';
import { ConsulSession } from './consul.session.js';

async function openHttp(profile: ResolvedProfile): Promise<ConsulHttp> {
  const endpoints = parseEndpoints(profile.endpoints, tlsConfigured(profile.tls));
  return new ConsulHttp({
    endpoints,
    tls: await loadTlsFiles(profile.tls, profile.tunnelServerNames),
    token: profile.password ? profile.password : null,
    datacenter: profile.datacenter ?? null,
    timeoutMs: profile.sessionTimeoutMs,
  });
}

/** The agent's version and datacenter; a token without agent:read still connects (both unknown). */
async function agentInfo(http: ConsulHttp, signal: AbortSignal): Promise<AgentInfo> {
  const what = 'Connecting to Consul';
  const response = await http.request({
    what,
    path: '/v1/agent/self',
    datacenter: null,
    signal,
    accept: [403, 404],
  });
  if (response.status === 403) {
    if (/ACL not found|token not found/i.test(response.body.toString('utf8'))) {
      throw new AppError('AUTH_FAILED', 'Consul rejected the ACL token of this connection (ACL not found).');
    }
    return { datacenter: null, version: null };
  }
  try {
    if (response.status === 404) throw new Error('no /v1/agent/self');
    const self = parseJson(response, AgentSelfSchema, what);
    return { datacenter: self.Config.Datacenter, version: self.Config.Version };
  } catch {
    throw new AppError('UNREACHABLE', `${http.endpoint} answered, but not as a Consul agent (HTTP API).`);
  }
}

/**
 * Proves the connection: the agent (version, datacenter), then a KV listing of the root with the token,
 * which is what rejects a wrong token (AUTH_FAILED) and an unknown datacenter. A token that may not
 * read the root still connects.
 */
async function verify(http: ConsulHttp, signal: AbortSignal): Promise<AgentInfo> {
  const agent = await agentInfo(http, signal);
  await fetchLevel(http, '', 'Connecting to Consul', { signal }).catch((error: unknown) => {
    if (!isAppError(error) || error.code !== 'PERMISSION_DENIED') throw error;
  });
  return agent;
}

/** The datacenters the agent knows. */
async function listDatacenters(http: ConsulHttp, signal: AbortSignal): Promise<string[]> {
  const what = 'Listing Consul datacenters';
  const response = await http.request({ what, path: '/v1/catalog/datacenters', datacenter: null, signal });
  return parseJson(response, z.array(z.string()).nullable(), what) ?? [];
}

/** The HTTP layer of a profile, as a connect opens and releases it. */
function httpLayer(profile: ResolvedProfile): ConnectResource<ConsulHttp> {
  return { open: () => openHttp(profile), release: (http) => http.close() };
}

/** Opens Consul sessions over the HTTP API. */
export class ConsulDriver implements BackendDriver {
  readonly kind = 'consul' as const;

  connect(profile: ResolvedProfile): Promise<BackendSession> {
    const steps = async (http: ConsulHttp, signal: AbortSignal): Promise<BackendSession> =>
      new ConsulSession(http, await verify(http, signal), profile.datacenter ?? null);
    return connectWithin(connectTarget(profile), httpLayer(profile), steps);
  }

  /** The datacenters the agent knows and its version, before a profile is saved. */
  discover(profile: ResolvedProfile): Promise<Discovery> {
    const steps = async (http: ConsulHttp, signal: AbortSignal): Promise<Discovery> => {
      const agent = await verify(http, signal);
      const datacenters = await listDatacenters(http, signal);
      return { datacenters, namespaces: null, api: agent.version ? `consul ${agent.version}` : 'consul' };
    };
    return connectWithin(connectTarget(profile), httpLayer(profile), steps, 'release');
  }
}

/** The Consul driver registered in drivers.ts. */
export function createConsulDriver(): BackendDriver {
  return new ConsulDriver();
}
