import type { DiagnosticNote } from '../../../../../shared/model/diagnostics.js';

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
        `the AdminServer at ${url} refuses ${command} without authentication (HTTP ${response.status})`,
        false,
        {
          message: `The AdminServer refuses ${command} without authentication; four-letter words or an AdminServer without auth for read commands answer it.`,
          fix: null,
        },
      );
    }
    const json = parseAdminJson(text);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return failure(`the AdminServer at ${url} did not answer with a JSON object`);
    }
    const record = json as Record<string, unknown>;
    if (typeof record.error === 'string' && record.error !== '') {
      return failure(`the AdminServer's ${command} failed: ${record.error}`);
    }
    if (!response.ok) return failure(`the AdminServer at ${url} answered HTTP ${response.status}`);
    return { ok: true, json: record };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return failure(`the AdminServer at ${url} did not answer within ${timeoutMs} ms`);
    }
    if (error instanceof SyntaxError) return failure(`the AdminServer at ${url} did not answer with JSON`);
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return failure(`the AdminServer at ${url} is not reachable (${cause})`, true);
  }
}
