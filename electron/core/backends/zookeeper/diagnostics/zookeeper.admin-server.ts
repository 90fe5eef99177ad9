import type { DiagnosticNote } from '../../../../../shared/model/diagnostics.js';
import { say } from '../../../../../shared/sentences/sentence-table.js';
import { ZOOKEEPER_SENTENCES } from '../../../../../shared/sentences/zookeeper.js';

/** What one AdminServer command brought back: its JSON object, or why there is none. */
export type AdminAnswer =
  | { ok: true; json: Record<string, unknown> }
  | {
      ok: false;
      reason: string;
      note: DiagnosticNote | null;
      /** Nothing answered at that address (refused, unknown host): four-letter words may still answer. */
      unreachable: boolean;
    };

/**
 * Session ids (and large zxids) are 64-bit numbers that JSON.parse would round: they become strings
 * before parsing (`72057671753859075` → `"72057671753859075"`), every shorter number stays a number.
 */
export function parseAdminJson(text: string): unknown {
  return JSON.parse(text.replace(/([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g, '$1"$2"'));
}

/** `http://h:8080/commands` from what the profile names (with or without `/commands`, trailing slash). */
export function commandsBase(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  return /\/commands$/.test(trimmed) ? trimmed : `${trimmed}/commands`;
}

function failure(reason: string, unreachable = false, note: DiagnosticNote | null = null): AdminAnswer {
  return { ok: false, reason, note, unreachable };
}

/** Runs one AdminServer command (`stats`, `connections`, …) with a deadline; never rejects. */
export async function adminCommand(base: string, command: string, timeoutMs: number): Promise<AdminAnswer> {
  const url = `${commandsBase(base)}/${command}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      return failure(
        say(ZOOKEEPER_SENTENCES, 'adminAuthRefused', { url, command, status: response.status }),
        false,
        {
          message: say(ZOOKEEPER_SENTENCES, 'adminAuthRefusedNote', { command }),
          fix: null,
        },
      );
    }
    const json = parseAdminJson(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return failure(say(ZOOKEEPER_SENTENCES, 'adminNotAJsonObject', { url }));
    }
    const record = json as Record<string, unknown>;
    if (typeof record.error === 'string' && record.error !== '') {
      return failure(
        say(ZOOKEEPER_SENTENCES, 'adminCommandFailed', { command, error: String(record.error) }),
      );
    }
    if (!response.ok)
      return failure(say(ZOOKEEPER_SENTENCES, 'adminHttpStatus', { url, status: response.status }));
    return { ok: true, json: record };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return failure(say(ZOOKEEPER_SENTENCES, 'adminTimeout', { url, ms: timeoutMs }));
    }
    if (error instanceof SyntaxError) return failure(say(ZOOKEEPER_SENTENCES, 'adminNotJson', { url }));
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return failure(say(ZOOKEEPER_SENTENCES, 'adminUnreachable', { url, cause }), true);
  }
}
