import type { MethodOutput } from '../../../../shared/contract/methods.js';
import { describeError } from '../../errors/error-messages.js';

interface TestMutation {
  status: 'idle' | 'pending' | 'success' | 'error';
  data: MethodOutput<'connections.test'> | undefined;
  error: unknown;
}

/** The outcome of a connection test: latency and server, or the error in words. */
export function TestResult({ mutation }: { mutation: TestMutation }) {
  if (mutation.status === 'success' && mutation.data) {
    return (
      <span className="test-result test-ok" data-testid="connection-test-result" data-ok="true">
        OK · {Math.round(mutation.data.latencyMs)} ms
        {mutation.data.server ? ` · ${mutation.data.server}` : ''}
      </span>
    );
  }
  if (mutation.status === 'error') {
    const error = describeError(mutation.error);
    return (
      <span
        className="test-result test-fail"
        data-testid="connection-test-result"
        data-ok="false"
        title={error.hint ?? ''}
      >
        {error.title}: {error.message}
      </span>
    );
  }
  return null;
}
