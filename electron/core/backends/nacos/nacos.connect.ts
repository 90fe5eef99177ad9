import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AppError } from '../../../../shared/errors.js';
import type { ResolvedProfile } from '../backend.js';
import { NacosTokenHolder, type NacosLogin } from './nacos.auth.js';
import { normalizeContextPath, parseEndpoints } from './nacos.endpoints.js';
import { errorFromResponse } from './nacos.errors.js';
import { NacosHttp, parseJson } from './nacos.http.js';
import { LoginSchema } from './nacos.schemas.js';
import { DerivedConnectionState } from '../derived-connection.state.js';
import { loadTlsFiles, tlsConfigured } from '../kit/tls.files.js';

/** The HTTP side of a connection before the API is known: closed by whoever opened it. */
export interface NacosLink {
  http: NacosHttp;
  state: DerivedConnectionState;
  tokens: NacosTokenHolder | null;
  close(): void;
}

/** A keep-alive agent per session; with TLS it carries the CA, the client certificate and the verify choice. */
async function agentFor(profile: ResolvedProfile, secure: boolean): Promise<HttpAgent | HttpsAgent> {
  const sockets = { keepAlive: true, maxSockets: 16 };
  if (!secure) return new HttpAgent(sockets);
  // Verification is skipped only when the user chose so (the profile then shows as insecure).
  return new HttpsAgent({ ...sockets, ...(await loadTlsFiles(profile.tls, profile.tunnelServerNames)) });
}

/** POST /v1/auth/login: an access token and its lifetime; AUTH_FAILED for wrong credentials. */
export async function login(http: NacosHttp, username: string, password: string): Promise<NacosLogin> {
  const what = `Logging in to Nacos at ${http.label} as ${username}`;
  const response = await http.request({
    method: 'POST',
    path: '/v1/auth/login',
    form: { username, password },
    anonymous: true,
    what,
  });
  if (response.status === 401 || response.status === 403) {
    throw new AppError(
      'AUTH_FAILED',
      `Nacos at ${http.label} rejected the user name or password of ${username}.`,
    );
  }
  if (response.status < 200 || response.status > 299) throw errorFromResponse(response, what);
  const answer = parseJson(response.body, LoginSchema, what);
  return { accessToken: answer.accessToken, tokenTtlSec: answer.tokenTtl };
}

/** Validates the profile, builds the HTTP layer and logs in when the profile has a user. */
export async function openLink(profile: ResolvedProfile): Promise<NacosLink> {
  const forceTls = tlsConfigured(profile.tls);
  // One scheme for all: a session has one agent, and a mixed list is almost surely a typo.
  const parsed = parseEndpoints(profile.endpoints, forceTls);
  const servers = parsed.some((s) => s.secure) ? parseEndpoints(profile.endpoints, true) : parsed;
  const contextPath = normalizeContextPath(profile.contextPath);
  const username = profile.auth?.username.trim() ?? '';
  if (username === '' && (profile.password ?? '') !== '') {
    throw new AppError('INVALID_INPUT', 'Nacos authentication needs a user name with the password.');
  }
  const agent = await agentFor(profile, servers[0]!.secure);
  const state = new DerivedConnectionState();
  const http = new NacosHttp({ servers, contextPath, timeoutMs: profile.sessionTimeoutMs, agent, state });
  const tokens =
    username === '' ? null : new NacosTokenHolder(() => login(http, username, profile.password ?? ''));
  const close = (): void => {
    tokens?.close();
    agent.destroy();
  };
  try {
    if (tokens !== null) {
      await tokens.refresh();
      http.useTokens(tokens);
    }
  } catch (error) {
    close();
    throw error;
  }
  return { http, state, tokens, close };
}
