import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract/events.js';
import {
  methods,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/contract/methods.js';
import { AppError } from '../../../shared/errors.js';
import type { BackendDriver } from '../../../electron/core/backends/backend.js';
import { createCore } from '../../../electron/core/core.js';
import type { Core } from '../../../electron/core/core.types.js';

export interface CoreClient {
  core: Core;
  dataDir: string;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Resolves with the AppError a call fails with (fails the test if it succeeds). */
  failure<M extends MethodName>(method: M, input: MethodInput<M>): Promise<AppError>;
  events: Array<{ event: EventName; payload: EventPayload<EventName> }>;
  close(): Promise<void>;
}

/**
 * A real core over a fresh data directory, called through the contract exactly as the transports do;
 * with all of ConfigDeck's drivers unless given others (an in-memory one).
 */
export async function startCoreClient(
  clientId = 'test',
  drivers?: readonly BackendDriver[],
  options: { knownHostsFile?: string } = {},
): Promise<CoreClient> {
  const dataDir = await mkdtemp(join(tmpdir(), 'configdeck-core-'));
  const core = await createCore({
    dataDir,
    transport: 'browser',
    version: 'test',
    ...(drivers === undefined ? {} : { drivers }),
    ...options,
  });
  const events: CoreClient['events'] = [];
  core.onEvent((event, payload) => events.push({ event, payload }));
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const outcome = await core.dispatch(method, input, clientId);
    if (!outcome.ok) throw AppError.fromShape(outcome.error);
    // Every answer must be what the contract promises the renderer.
    const checked = methods[method].output.safeParse(outcome.result);
    if (!checked.success) {
      throw new Error(`${method} answered outside its output schema: ${checked.error.message}`);
    }
    return checked.data as MethodOutput<M>;
  };
  return {
    core,
    dataDir,
    call,
    failure: async (method, input) => {
      const outcome = await core.dispatch(method, input, clientId);
      if (outcome.ok)
        throw new Error(`${method} was expected to fail but returned ${JSON.stringify(outcome.result)}`);
      return AppError.fromShape(outcome.error);
    },
    events,
    close: async () => {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const text = (base64: string): string => Buffer.from(base64, 'base64').toString('utf8');
