import { connect } from 'node:net';

/** Sends a four-letter word and resolves with the whole answer, or null on error/timeout. */
export function fourLetterWord(
  host: string,
  port: number,
  word: string,
  timeoutMs: number,
): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const chunks: Buffer[] = [];
    let failed = false;
    socket.setTimeout(timeoutMs, () => {
      failed = true;
      socket.destroy();
    });
    socket.on('connect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => (failed = true));
    socket.on('close', () => resolve(failed ? null : Buffer.concat(chunks).toString('utf8')));
  });
}

/** `ZooKeeper 3.8.0 (standalone)` from a `srvr` answer; null when the word is not allowed or unknown. */
export function describeSrvr(answer: string): string | null {
  const version = /Zookeeper version: ([0-9][^,\s-]*)/i.exec(answer)?.[1];
  if (version === undefined) return null;
  const mode = /^Mode: (\S+)/m.exec(answer)?.[1];
  return mode === undefined ? `ZooKeeper ${version}` : `ZooKeeper ${version} (${mode})`;
}

/** Asks every host for `srvr` at once and keeps the first useful answer (cheap: one short TCP exchange). */
export async function serverDescription(
  hosts: ReadonlyArray<{ host: string; port: number }>,
  timeoutMs: number,
): Promise<string | null> {
  const answers = hosts.map(async ({ host, port }) => {
    const described = describeSrvr((await fourLetterWord(host, port, 'srvr', timeoutMs)) ?? '');
    if (described === null) throw new Error('no description');
    return described;
  });
  try {
    return await Promise.any(answers);
  } catch {
    return null;
  }
}
