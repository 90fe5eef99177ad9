import type { DiagnosticNote } from '../../../../../shared/model/diagnostics.js';
import type { ZkTlsOptions } from '../client/index.js';
import { ensembleMembers, type EnsembleMember, type TunnelForwardAddress } from './zookeeper.members.js';
import type { Fact } from './zookeeper.probe.js';

/** Where the troubleshooting views reach the ensemble; built once per session by the driver. */
export interface EnsembleTarget {
  hosts: ReadonlyArray<{ host: string; port: number }>;
  /** The profile's chroot: server paths (wchp, dump) are outside it. */
  chroot: string | null;
  tls: ZkTlsOptions | null;
  adminServerUrl: string | null;
  /** Through an SSH tunnel: the forwarded server addresses (members are asked through them only). */
  forwards?: readonly TunnelForwardAddress[] | null;
  /** `/zookeeper/config` read through the session; null when empty, unreadable or hidden by a chroot. */
  readDynamicConfig(): Promise<string | null>;
  /** This ConfigDeck session's id (`0x…`), to mark its own watches and connections. */
  ownSessionId(): string | null;
}

/** What every member answered to one question, in member order. */
export type MemberFacts<T> = Array<{ member: EnsembleMember; fact: Fact<T> }>;

/**
 * How long health waits for `/zookeeper/config`: the read goes through the session, which waits for a
 * reconnect when its member died, and health must still answer within about 3 s.
 */
const CONFIG_TIMEOUT_MS = 1000;

/** The members of the ensemble right now and a way to ask all of them the same question at once. */
export class EnsembleView {
  /** The last dynamic configuration read, used while the session cannot read it in time. */
  private lastConfig: string | null = null;

  constructor(readonly target: EnsembleTarget) {}

  /** Members from the dynamic configuration (re-read each time: a reconfig changes them) and the connect string. */
  async members(): Promise<{ members: EnsembleMember[]; notes: DiagnosticNote[] }> {
    const dynamicConfig = await this.dynamicConfig();
    return ensembleMembers({
      hosts: this.target.hosts,
      tls: this.target.tls,
      adminServerUrl: this.target.adminServerUrl,
      dynamicConfig,
      forwards: this.target.forwards ?? null,
    });
  }

  private async dynamicConfig(): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), CONFIG_TIMEOUT_MS)),
    );
    try {
      const read = await Promise.race([this.target.readDynamicConfig(), late]);
      if (read !== 'late') this.lastConfig = read;
    } catch {
      // Unreadable (an ACL, a closed session): the last one read, or the connect string alone.
    } finally {
      clearTimeout(timer);
    }
    return this.lastConfig;
  }

  /** Asks each member in parallel; each answer settles within `timeoutMs` (a dead member does not hold the rest). */
  static async askAll<T>(
    members: readonly EnsembleMember[],
    ask: (member: EnsembleMember) => Promise<Fact<T>>,
  ): Promise<MemberFacts<T>> {
    return Promise.all(members.map(async (member) => ({ member, fact: await ask(member) })));
  }
}

/** The notes of the answers (refused words with their zoo.cfg line, an AdminServer not reached), each once. */
export function answerNotes(facts: ReadonlyArray<{ fact: Fact<unknown> }>): DiagnosticNote[] {
  const notes: DiagnosticNote[] = [];
  const seen = new Set<string>();
  for (const { fact } of facts) {
    const note = fact.note ?? null;
    if (note === null || seen.has(note.message)) continue;
    seen.add(note.message);
    notes.push(note);
  }
  return notes;
}
