import { useTranslation } from 'react-i18next';
import { lazy, Suspense } from 'react';
import type { MonacoEditorProps } from './MonacoEditor.js';
import type { MonacoDiffEditorProps } from './MonacoDiffEditor.js';

// Monaco is loaded on first use, so the connection list appears at once even on a slow disk.
const MonacoEditorImpl = lazy(() => import('./MonacoEditor.js'));
const MonacoDiffEditorImpl = lazy(() => import('./MonacoDiffEditor.js'));

function Loading() {
  const { t } = useTranslation('common');

  return <div className="monaco-loading">{t('loading.loadingEditor')}</div>;
}

/** The value editor, loaded lazily. */
export function CodeEditor(props: MonacoEditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <MonacoEditorImpl {...props} />
    </Suspense>
  );
}

/** The side-by-side diff editor, loaded lazily. */
export function DiffEditor(props: MonacoDiffEditorProps) {
  return (
    <Suspense fallback={<Loading />}>
      <MonacoDiffEditorImpl {...props} />
    </Suspense>
  );
}
