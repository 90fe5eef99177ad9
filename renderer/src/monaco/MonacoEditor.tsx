import { useEffect, useRef } from 'react';
import { BASE_EDITOR_OPTIONS, currentMonacoTheme, monaco } from './monaco-setup.js';

export interface MonacoEditorProps {
  value: string;
  /**
   * `value` is pushed into the editor only when this key changes (load, revert, view switch). While the
   * user types, the editor owns its text and reports it through onChange; re-applying a `value` prop that
   * lags one keystroke behind would eat characters and move the cursor.
   */
  valueKey: string;
  language: string;
  readOnly: boolean;
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+S inside the editor. */
  onSave?: () => void;
  /** Error squiggle to show (1-based), e.g. from validation before save. */
  marker?: { line: number; column: number; message: string } | null;
  testId?: string;
}

/** A Monaco code editor, uncontrolled while typing; see `valueKey` for when `value` is applied. */
export default function MonacoEditor(props: MonacoEditorProps) {
  const { valueKey, language, readOnly, testId = 'value-editor' } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const { value: initial, language: lang, readOnly: ro } = latest.current;
    const editor = monaco.editor.create(host, {
      ...BASE_EDITOR_OPTIONS,
      value: initial,
      language: lang,
      readOnly: ro,
      theme: currentMonacoTheme(),
    });
    editorRef.current = editor;
    const changes = editor.onDidChangeModelContent(() => latest.current.onChange?.(editor.getValue()));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => latest.current.onSave?.());
    return () => {
      changes.dispose();
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    const next = latest.current.value;
    if (editor && editor.getValue() !== next) editor.setValue(next);
  }, [valueKey]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, language);
  }, [language]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  const markerLine = props.marker?.line;
  const markerColumn = props.marker?.column;
  const markerMessage = props.marker?.message;
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const marker =
      markerLine && markerColumn
        ? { line: markerLine, column: markerColumn, message: markerMessage ?? '' }
        : null;
    const markers = marker
      ? [
          {
            severity: monaco.MarkerSeverity.Error,
            message: marker.message,
            startLineNumber: marker.line,
            startColumn: marker.column,
            endLineNumber: marker.line,
            endColumn: marker.column + 1,
          },
        ]
      : [];
    monaco.editor.setModelMarkers(model, 'configdeck-validation', markers);
    if (marker) editorRef.current?.revealLineInCenter(marker.line);
  }, [markerLine, markerColumn, markerMessage]);

  return <div ref={hostRef} className="monaco-host" data-testid={testId} />;
}
