import { AppError, type AppErrorShape } from '../../../shared/errors.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/methods.js';
import type { EventName, EventPayload } from '../../../shared/contract/events.js';
import type { Transport } from './transport.types.js';

/** How one call is made: `signal` (TanStack Query's, or any AbortController's) stops waiting for it. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The typed client every hook uses: contract calls that throw AppError, and typed event handlers. */
export class ApiClient {
  constructor(readonly transport: Transport) {}

  /**
   * Calls a contract method; resolves with its output or throws the AppError the core returned. Once
   * `signal` aborts, it throws CANCELLED at once and whatever the core answers later is dropped.
   */
  async call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    options: CallOptions = {},
  ): Promise<MethodOutput<M>> {
    let outcome;
    try {
      outcome = await this.transport.invoke(method, input, options.signal);
    } catch (error) {
      throw new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
    }
    if (!outcome.ok) throw AppError.fromShape(outcome.error as AppErrorShape);
    return outcome.result as MethodOutput<M>;
  }

  /** Listens to one pushed event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
    return this.transport.subscribe((name, payload) => {
      if (name === event) handler(payload as EventPayload<E>);
    });
  }
}
