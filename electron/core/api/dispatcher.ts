import type { z } from 'zod';
import {
  isMethodName,
  methods,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
  type WriteMethodName,
} from '../../../shared/contract/methods.js';
import type { CallResult } from '../../../shared/contract/wire.js';
import { AppError } from '../../../shared/errors.js';
import type { WriteGate } from '../gate/write.gate.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import { toAppError } from './to-app-error.js';

export interface CallContext {
  clientId: string;
}

/** A method that reads, or changes only this machine's state: called with its validated input. */
export type ReadHandler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  context: CallContext,
) => Promise<MethodOutput<M>>;

/**
 * A method that changes a store, in two steps around the write gate: what it would write (the
 * connection and path, read without touching the store), then the write itself with the gate's permit.
 */
export interface WriteHandler<M extends WriteMethodName> {
  target(input: MethodParsedInput<M>): Promise<WriteTarget>;
  run(input: MethodParsedInput<M>, permit: WritePermit, context: CallContext): Promise<MethodOutput<M>>;
}

export type Handlers = {
  [M in MethodName]: M extends WriteMethodName ? WriteHandler<M> : ReadHandler<M>;
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') + ': ' : ''}${issue.message}`)
    .join('; ');
}

/**
 * The one entry of every call, from either transport: validates the input against the contract (the
 * only place that does), passes every write method through the write gate, runs the handler; never throws.
 */
export function createDispatcher(handlers: Handlers, gate: WriteGate) {
  const run = async (method: MethodName, input: unknown, context: CallContext): Promise<unknown> => {
    const access = methods[method].access;
    if (access.kind !== 'write') {
      return (handlers[method] as ReadHandler<MethodName>)(input as never, context);
    }
    const handler = handlers[method as WriteMethodName] as WriteHandler<WriteMethodName>;
    const parsed = input as MethodParsedInput<WriteMethodName>;
    const permit = await gate.admit(access, await handler.target(parsed), parsed.confirmation);
    return handler.run(parsed, permit, context);
  };

  return async function dispatch(
    method: string,
    rawInput: unknown,
    context: CallContext,
  ): Promise<CallResult> {
    try {
      if (!isMethodName(method)) {
        const shown = typeof method === 'string' ? `"${method.slice(0, 100)}"` : `of type ${typeof method}`;
        throw new AppError('INVALID_INPUT', `There is no method ${shown} in the contract.`);
      }
      const parsed = methods[method].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}.`);
      }
      return { ok: true, result: await run(method, parsed.data, context) };
    } catch (error) {
      return { ok: false, error: toAppError(error).toShape() };
    }
  };
}
