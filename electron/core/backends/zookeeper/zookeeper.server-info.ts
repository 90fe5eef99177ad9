import { say } from '../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../shared/sentences/zookeeper.js';
import { askWord } from './diagnostics/zookeeper.words.js';

/** `ZooKeeper 3.8.0 (standalone)` from a `srvr` answer; null when the word is not allowed or unknown. */
export function describeSrvr(answer: string): string | null {
  const version = /Zookeeper version: ([0-9][^,\s-]*)/i.exec(answer)?.[1];
  if (version === undefined) return null;
  const mode = /^Mode: (\S+)/m.exec(answer)?.[1];
  if (mode === undefined) return say(ZOOKEEPER_SENTENCES, 'serverVersion', { version });
  const known = MODE_SENTENCES[mode];
  return known === undefined
    ? say(ZOOKEEPER_SENTENCES, 'serverVersionMode', { version, mode })
    : say(ZOOKEEPER_SENTENCES, known, { version });
}

/** The modes `srvr` reports, each with its own sentence so the UI can name the mode in its language. */
const MODE_SENTENCES: Readonly<
  Record<string, 'serverStandalone' | 'serverLeader' | 'serverFollower' | 'serverObserver'>
> = {
  standalone: 'serverStandalone',
  leader: 'serverLeader',
  follower: 'serverFollower',
  observer: 'serverObserver',
};

/** Asks every host for `srvr` at once and keeps the first useful answer (cheap: one short TCP exchange). */
export async function serverDescription(
  hosts: ReadonlyArray<{ host: string; port: number }>,
  timeoutMs: number,
): Promise<string | null> {
  const answers = hosts.map(async ({ host, port }) => {
    const answer = await askWord({ host, port, tls: null }, 'srvr', timeoutMs);
    const described = answer.ok ? describeSrvr(answer.text) : null;
    if (described === null) throw new Error('no description');
    return described;
  });
  try {
    return await Promise.any(answers);
  } catch {
    return null;
  }
}
