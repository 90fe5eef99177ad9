import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BASE_EDITOR_OPTIONS, currentMonacoTheme, monaco } from './monaco-setup.js';

export interface MonacoDiffEditorProps {
  original: string;
  modified: string;
  language: string;
  testId?: string;
}

/** A read-only side-by-side diff: left is the original (server), right the modified (yours). */
export default function MonacoDiffEditor({
  original,
  modified,
  language,
  testId = 'diff-editor',
}: MonacoDiffEditorProps) {
  const { t } = useTranslation();
  // Screen readers name the two sides; read once: Monaco keeps the labels for the editor's life.
  const labelsRef = useRef({ original: t('diff.original'), modified: t('diff.modified') });
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const editor = monaco.editor.createDiffEditor(host, {
      ...BASE_EDITOR_OPTIONS,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      // Config values are often one long line: wrap so both sides can be read without scrolling.
      wordWrap: 'on',
      diffWordWrap: 'on',
      theme: currentMonacoTheme(),
    });
    // Set on each side: the diff editor's own originalAriaLabel/modifiedAriaLabel do not reach its
    // inner editors at construction in this Monaco version.
    editor.getOriginalEditor().updateOptions({ ariaLabel: labelsRef.current.original });
    editor.getModifiedEditor().updateOptions({ ariaLabel: labelsRef.current.modified });
    editorRef.current = editor;
    return () => {
      const model = editor.getModel();
      editor.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const previous = editor.getModel();
    editor.setModel({
      original: monaco.editor.createModel(original, language),
      modified: monaco.editor.createModel(modified, language),
    });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [original, modified, language]);

  return <div ref={hostRef} className="monaco-host" data-testid={testId} />;
}
