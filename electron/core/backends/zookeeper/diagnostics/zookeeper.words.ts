import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { ZkTlsOptions } from '../client/index.js';
import type { DiagnosticNote } from '../../../../../shared/model/diagnostics.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** The words ConfigDeck uses; the whitelist line names all of them so that one edit enables every view. */
export const WORDS_USED = ['srvr', 'mntr', 'cons', 'wchs', 'wchp', 'dump'] as const;
export type FourLetterWord = (typeof WORDS_USED)[number];

/** The exact zoo.cfg line that allows every word ConfigDeck uses. */
export const WHITELIST_LINE = `4lw.commands.whitelist=${WORDS_USED.join(',')}`;

/** Where a member answers four-letter words: its client port, over TLS when the profile uses TLS. */
export interface WordTarget {
  host: string;
  port: number;
  tls: ZkTlsOptions | null;
}

/** What one word brought back: the text, or why there is none (down, refused by the whitelist, timed out). */
export type WordAnswer =
  { ok: true; text: string } | { ok: false; refused: boolean; reason: string; note: DiagnosticNote | null };

const REFUSED = /^(\w{4}) is not executed because it is not in the whitelist\./;

/** The server's refusal of a word (`mntr is not executed because it is not in the whitelist.`). */
export function isRefusal(text: string): boolean {
  return REFUSED.test(text.trim());
}

/** The note for a refused word: which member, which word, and the exact zoo.cfg line to add. */
export function refusalNote(address: string, word: string): DiagnosticNote {
  return {
    message: say(ZOOKEEPER_SENTENCES, 'wordRefusedFix', { address, word }),
    fix: WHITELIST_LINE,
  };
}

function socketError(error: NodeJS.ErrnoException, address: string): string {
  if (error.code === 'ECONNREFUSED') return say(ZOOKEEPER_SENTENCES, 'wordConnectionRefused', { address });
  if (error.code === 'ENOTFOUND') return say(ZOOKEEPER_SENTENCES, 'wordHostUnknown', { address });
  return say(ZOOKEEPER_SENTENCES, 'wordFailed', { address, error: error.message });
}

function open(target: WordTarget): Socket {
  if (target.tls === null) return connectTcp({ host: target.host, port: target.port });
  return connectTls({ host: target.host, port: target.port, ...target.tls });
}

/**
 * Sends one four-letter word and reads the whole answer (the server closes after it). Settles within
 * `timeoutMs` whatever the member does: a dead member answers at once with "connection refused", a hung
 * one with "did not answer within …".
 */
export function askWord(target: WordTarget, word: string, timeoutMs: number): Promise<WordAnswer> {
  const address = `${target.host}:${target.port}`;
  return new Promise((resolve) => {
    const socket = open(target);
    const chunks: Buffer[] = [];
    let failure: string | null = null;
    const timer = setTimeout(() => {
      failure = say(ZOOKEEPER_SENTENCES, 'wordTimeout', { address, word, ms: timeoutMs });
      socket.destroy();
    }, timeoutMs);
    socket.once(target.tls === null ? 'connect' : 'secureConnect', () => socket.end(word));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (failure ??= socketError(error, address)));
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      if (failure !== null && text === '')
        return resolve({ ok: false, refused: false, reason: failure, note: null });
      if (isRefusal(text)) {
        return resolve({
          ok: false,
          refused: true,
          reason: say(ZOOKEEPER_SENTENCES, 'wordRefused', { address, word }),
          note: refusalNote(address, word),
        });
      }
      resolve({ ok: true, text });
    });
  });
}
