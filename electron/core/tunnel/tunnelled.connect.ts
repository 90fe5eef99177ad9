import type { TunnelInfo } from '../../../shared/model/ssh.js';
import type { BackendSession, ResolvedProfile } from '../backends/backend.js';
import type { SshSecrets } from '../connections/ssh.secrets.js';
import { routeEndpoints } from './endpoint.route.js';
import type { HopSpec } from './ssh-hop.js';
import { SshTunnel, type TunnelTarget } from './ssh-tunnel.js';

/** Where the SSH side of a connect looks: the user's known_hosts and agent, and who hears tunnel states. */
export interface TunnelEnvironment {
  knownHostsFile: string;
  agentSocket: string | null;
}

/** A session whose traffic goes through a tunnel, and the tunnel (closed with the session). */
export interface TunnelledSession {
  session: BackendSession;
  tunnel: SshTunnel | null;
}

function hopSpecs(profile: ResolvedProfile, secrets: SshSecrets, env: TunnelEnvironment): HopSpec[] {
  const ssh = profile.ssh!;
  const common = {
    knownHostsFile: env.knownHostsFile,
    agentSocket: env.agentSocket,
    timeoutMs: profile.sessionTimeoutMs,
  };
  const first: HopSpec = { name: 'first', hop: ssh, secrets: secrets.first, ...common };
  return ssh.next ? [first, { name: 'second', hop: ssh.next, secrets: secrets.second, ...common }] : [first];
}

/** Opens the tunnel of a profile with a jump host and the profile as routed through it. */
async function openRoute(
  profile: ResolvedProfile,
  secrets: SshSecrets,
  env: TunnelEnvironment,
  onState: (info: TunnelInfo) => void,
): Promise<{ tunnel: SshTunnel; routed: ResolvedProfile }> {
  const route = routeEndpoints(profile.endpoints, profile.adminServerUrl);
  const tunnel = await SshTunnel.open({
    hops: hopSpecs(profile, secrets, env),
    targets: route.targets,
    onState,
  });
  const localPortOf = (target: TunnelTarget): number =>
    tunnel.forwards.find((f) => f.target.host === target.host && f.target.port === target.port)!.localPort;
  const routed: ResolvedProfile = {
    ...profile,
    endpoints: route.endpoints(localPortOf),
    adminServerUrl: route.adminServerUrl(localPortOf),
    tunnelServerNames: route.serverNames,
    tunnelForwards: tunnel.forwards.map((f) => ({
      target: f.target,
      local: { host: '127.0.0.1', port: f.localPort },
    })),
  };
  return { tunnel, routed };
}

/** Runs `use` with the profile, through a tunnel opened for it alone when it has a jump host. */
export async function throughTunnel<T>(
  profile: ResolvedProfile,
  secrets: SshSecrets,
  env: TunnelEnvironment,
  use: (routed: ResolvedProfile) => Promise<T>,
): Promise<T> {
  if (profile.ssh === null || profile.kind === 'snapshot') return use(profile);
  const { tunnel, routed } = await openRoute(profile, secrets, env, () => undefined);
  try {
    return await use(routed);
  } finally {
    await tunnel.close();
  }
}

/**
 * Connects a profile: directly without a jump host; else through an SSH tunnel whose loopback ports
 * stand in for the endpoints (and the AdminServer URL), TLS still checked against the real server names.
 * The session's close closes the tunnel; a failed connect closes it too.
 */
export async function connectTunnelled(
  profile: ResolvedProfile,
  secrets: SshSecrets,
  env: TunnelEnvironment,
  onState: (info: TunnelInfo) => void,
  connect: (profile: ResolvedProfile) => Promise<BackendSession>,
): Promise<TunnelledSession> {
  if (profile.ssh === null || profile.kind === 'snapshot')
    return { session: await connect(profile), tunnel: null };
  const route = routeEndpoints(profile.endpoints, profile.adminServerUrl);
  const tunnel = await SshTunnel.open({
    hops: hopSpecs(profile, secrets, env),
    targets: route.targets,
    onState,
  });
  const localPortOf = (target: TunnelTarget): number =>
    tunnel.forwards.find((f) => f.target.host === target.host && f.target.port === target.port)!.localPort;
  try {
    const session = await connect({
      ...profile,
      endpoints: route.endpoints(localPortOf),
      adminServerUrl: route.adminServerUrl(localPortOf),
      tunnelServerNames: route.serverNames,
    });
    const closeSession = session.close.bind(session);
    // The tunnel lives exactly as long as the session: whoever closes the session closes it.
    Object.defineProperty(session, 'close', {
      configurable: true,
      value: async (): Promise<void> => {
        try {
          await closeSession();
        } finally {
          await tunnel.close();
        }
      },
    });
    return { session, tunnel };
  } catch (error) {
    await tunnel.close();
    throw error;
  }
}
