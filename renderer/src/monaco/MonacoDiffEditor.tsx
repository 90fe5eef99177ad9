import { useEffect, useRef } from 'react';
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
