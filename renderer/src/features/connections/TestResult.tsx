import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/methods.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

interface TestMutation {
  status: 'idle' | 'pending' | 'success' | 'error';
  data: MethodOutput<'connections.test'> | undefined;
  error: unknown;
}

/** The outcome of a connection test: latency and server, or the error in words. */
export function TestResult({ mutation }: { mutation: TestMutation }) {
  const { t } = useTranslation('connections');
  const { describe } = useDescribeError();
  const say = useCoreSentence();

  if (mutation.status === 'success' && mutation.data) {
    return (
      <span className="test-result test-ok" data-testid="connection-test-result" data-ok="true">
        {t('testResult.okMs', { round: Math.round(mutation.data.latencyMs) })}
        {mutation.data.server ? ` · ${say(mutation.data.server)}` : ''}
      </span>
    );
  }
  if (mutation.status === 'error') {
    const error = describe(mutation.error);
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
