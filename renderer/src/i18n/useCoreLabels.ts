import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { coreLabels, type CoreLabels } from './core-labels.js';

/** The core's fixed labels (metadata, member figures, diagnostics tables, owner facts) in the UI's language. */
export function useCoreLabels(): CoreLabels {
  const { t, i18n } = useTranslation('coreLabels');
  // The language is named too: t may keep its identity across a language change.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => coreLabels(t), [t, i18n.language]);
}
