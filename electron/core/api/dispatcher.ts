import type { z } from 'zod';
import {
  isMethodName,
  methods,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '../../../shared/contract/methods.js';
import type { CallResult } from '../../../shared/contract/wire.js';
import { AppError } from '../../../shared/errors.js';
import { toAppError } from './to-app-error.js';

export interface CallContext {
  clientId: string;
}

export type Handlers = {
  [M in MethodName]: (input: MethodParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`)
    .join('; ');
}

/** Validates a raw call against the contract and runs its handler; never throws. */
export function createDispatcher(handlers: Handlers) {
  return async function dispatch(
    method: string,
    rawInput: unknown,
    context: CallContext,
  ): Promise<CallResult> {
    try {
      if (!isMethodName(method)) throw new AppError('INVALID_INPUT', `Unknown method "${String(method)}".`);
      const parsed = methods[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}.`);
      }
      const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<unknown>;
      const result = await handler(parsed.data, context);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toAppError(error).toShape() };
    }
  };
}
