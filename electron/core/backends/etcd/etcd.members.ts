import { Etcd3, type IMember, type IOptions, type IStatusResponse } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import { toAppError } from './etcd.errors.js';
import { faultHandling } from './etcd.policy.js';
import type { EtcdRpc } from './etcd.rpc.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { ETCD_SENTENCES } from '../../../../shared/sentences/etcd.js';

/** One member of the cluster as the console reaches it. */
export interface EtcdMember {
  /** The member id in hex, as etcdctl prints it; null when only an endpoint is known. */
  id: string | null;
  /** Its name; empty for a member that was added but has not started. */
  name: string;
  /** The client URL it advertises (the first one), or null before it started. */
  clientUrl: string | null;
  isLearner: boolean;
}

/** A member reached through one of the connection's endpoints, with the status it gave there. */
export interface EndpointMember {
  url: string;
  status: IStatusResponse;
}

/** Where the member list came from: the cluster, the last list read, or the connection's endpoints. */
export interface MemberList {
  members: EtcdMember[];
  /** Why the cluster's own list could not be read this time and what is shown instead; null when it was read. */
  stale: string | null;
}

/** A member id as etcdctl prints it (`%x`). */
export function memberIdHex(id: string): string {
  return BigInt(id).toString(16);
}

function memberOf(member: IMember): EtcdMember {
  return {
    id: memberIdHex(member.ID),
    name: member.name,
    clientUrl: member.clientURLs[0] ?? null,
    isLearner: member.isLearner === true,
  };
}

/** Runs `call` and rejects with TIMEOUT after `ms` (gRPC deadlines alone do not bound a stuck connect). */
export async function within<T>(ms: number, what: string, call: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('TIMEOUT', `${what}: no answer within ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([call(), late]);
  } catch (error) {
    throw toAppError(error, what);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The members of a session's cluster and one small client per member (its own client URL only, the
 * session's TLS files, no user: status and /metrics need none), kept for the session's life. The list is
 * read from the cluster each time; when that fails, the last list read stands in (with the reason), and
 * before any, the connection's endpoints.
 */
export class EtcdMembers {
  private readonly clients = new Map<string, Etcd3>();
  private lastList: EtcdMember[] | null = null;

  constructor(
    private readonly rpc: EtcdRpc,
    private readonly options: IOptions,
  ) {}

  /** The TLS files of the session (for /metrics over https). */
  get credentials(): IOptions['credentials'] {
    return this.options.credentials;
  }

  async list(timeoutMs: number): Promise<MemberList> {
    try {
      const response = await within(timeoutMs, 'Listing the etcd members', () =>
        this.rpc.client.cluster.memberList({}, { deadline: Date.now() + timeoutMs }),
      );
      this.lastList = response.members.map(memberOf);
      return { members: this.lastList, stale: null };
    } catch (error) {
      const reason = toAppError(error, 'Listing the etcd members').message.replace(/\.$/, '');
      const stale =
        this.lastList === null
          ? say(ETCD_SENTENCES, 'membersStaleEndpoints', { reason })
          : say(ETCD_SENTENCES, 'membersStaleListedBefore', { reason });
      return { members: this.lastList ?? this.endpointMembers(), stale };
    }
  }

  /** The client of one member, made on first use. */
  clientOf(clientUrl: string): Etcd3 {
    let client = this.clients.get(clientUrl);
    if (client === undefined) {
      client = new Etcd3({
        hosts: [clientUrl],
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
        ...(this.options.grpcOptions ? { grpcOptions: this.options.grpcOptions } : {}),
        // A failed call resets the member's channel, so a member that comes back answers the next poll.
        faultHandling: faultHandling(1),
      });
      this.clients.set(clientUrl, client);
    }
    return client;
  }

  /** The status of one member from its own client URL, bounded by `timeoutMs`. */
  status(clientUrl: string, timeoutMs: number, what: string): Promise<IStatusResponse> {
    return within(timeoutMs, what, () =>
      this.clientOf(clientUrl).maintenance.status({ deadline: Date.now() + timeoutMs }),
    );
  }

  /**
   * The members behind the connection's endpoints that no member advertises as its client URL (a
   * port-forward, a proxy, a tunnel), by member id: where a member's advertised URL cannot be reached from
   * here, its endpoint stands in. Empty when every endpoint is an advertised URL.
   */
  async behindEndpoints(list: EtcdMember[], timeoutMs: number): Promise<Map<string, EndpointMember>> {
    const advertised = new Set(list.map((m) => m.clientUrl));
    const found = new Map<string, EndpointMember>();
    const others = this.endpoints().filter((url) => !advertised.has(url));
    await Promise.all(
      others.map(async (url) => {
        const status = await this.status(url, timeoutMs, url).catch(() => null);
        if (status !== null) found.set(memberIdHex(status.header.member_id), { url, status });
      }),
    );
    return found;
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private endpoints(): string[] {
    return typeof this.options.hosts === 'string' ? [this.options.hosts] : (this.options.hosts ?? []);
  }

  private endpointMembers(): EtcdMember[] {
    return this.endpoints().map((clientUrl) => ({ id: null, name: '', clientUrl, isLearner: false }));
  }
}
