import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { isAppError, type AppError } from '../../../../shared/errors.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { cacheWrittenNode } from '../../api/node-cache.js';
import { textToBase64 } from '../../lib/base64.js';
import { validateValue, type ValidationResult } from '../../lib/validate-value.js';
import type { ValueFormat } from '../../lib/value-format.js';
import type { ApiClient } from '../../transport/api-client.js';

/** The server value shown beside the user's: after a CONFLICT, or on "Show server version". */
export interface Compare {
  reason: 'conflict' | 'changed';
  valueBase64: string | null;
  token: string | null;
}

/** What "Save" leads to: the diff to confirm, or why the text is not valid for its format (the user may force). */
export type SaveStep =
  { dialog: 'confirm' } | { dialog: 'validation'; invalid: Extract<ValidationResult, { ok: false }> };

export function nextSaveStep(text: string, format: ValueFormat, t: TFunction<'value'>): SaveStep {
  const result = validateValue(text, format, t);
  return result.ok ? { dialog: 'confirm' } : { dialog: 'validation', invalid: result };
}

export interface SaveRequest {
  connectionId: string;
  path: string;
  text: string;
  /** The token the edited value was read with: the write is refused (CONFLICT) if the node moved since. */
  token: string | null;
  /** The path typed on a prod connection. */
  confirmation?: string;
}

/** What a confirmed save came to. */
export type SaveOutcome =
  /** Written: the node as the store has it now (whole value, new token), also put into the cache. */
  | { kind: 'saved'; written: NodeValue }
  /** Someone else changed the node since it was read: nothing was written; their value to show beside ours. */
  | { kind: 'conflict'; compare: Compare }
  /** Refused or failed for another reason (read-only, prod confirmation, unreachable…): to tell the user. */
  | { kind: 'failed'; error: AppError | Error };

/** The CONFLICT's server side, as the value panel shows it beside the user's text. */
export function conflictCompare(error: AppError): Compare {
  return {
    reason: 'conflict',
    valueBase64: error.conflict?.currentValueBase64 ?? null,
    token: error.conflict?.currentToken ?? null,
  };
}

/** Writes the edited text with the token it was read with, and says what came of it; never throws. */
export async function saveValue(
  client: ApiClient,
  queryClient: QueryClient,
  request: SaveRequest,
): Promise<SaveOutcome> {
  const { connectionId, path, text, token, confirmation } = request;
  try {
    const written = await client.call('node.set', {
      connectionId,
      path,
      valueBase64: textToBase64(text),
      token,
      ...(confirmation === undefined ? {} : { confirmation }),
    });
    cacheWrittenNode(queryClient, connectionId, written);
    return { kind: 'saved', written };
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT')
      return { kind: 'conflict', compare: conflictCompare(error) };
    return { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
  }
}
