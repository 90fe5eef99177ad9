import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, errorSentence, type UiError } from './error-messages.js';

/** describeError and errorSentence bound to the window's language (re-created when it changes). */
export function useDescribeError(): {
  describe: (error: unknown) => UiError;
  sentence: (error: unknown) => string;
} {
  const { t } = useTranslation('errors');
  const describe = useCallback((error: unknown) => describeError(error, t), [t]);
  const sentence = useCallback((error: unknown) => errorSentence(error, t), [t]);
  return { describe, sentence };
}
