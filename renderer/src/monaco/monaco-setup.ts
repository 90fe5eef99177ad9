import * as monaco from 'monaco-editor/editor/editor.api';
// Registers every editor contribution and the services they need. The JSON language imports it too, but
// lazily: services registered after the first editor exists are unknown to it, so load them up front.
import 'monaco-editor/internal/common/workers';
import 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/xml/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/languages/definitions/html/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';

// Workers are bundled by Vite and served from 'self' (the CSP allows no other origin).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

monaco.editor.defineTheme('configdeck-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#15191f',
    'editorGutter.background': '#15191f',
    'diffEditor.insertedTextBackground': '#2ea04333',
    'diffEditor.removedTextBackground': '#e5484d33',
  },
});

/**
 * Options shared by every editor: no auto-closing, auto-indent or suggestions, so what the operator
 * types (or a test's keyboard) is exactly what gets saved.
 */
export const BASE_EDITOR_OPTIONS: monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  scrollBeyondLastLine: false,
  renderWhitespace: 'selection',
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
  autoClosingOvertype: 'never',
  autoSurround: 'never',
  autoIndent: 'none',
  formatOnType: false,
  formatOnPaste: false,
  quickSuggestions: false,
  suggestOnTriggerCharacters: false,
  acceptSuggestionOnEnter: 'off',
  wordBasedSuggestions: 'off',
  parameterHints: { enabled: false },
  links: false,
  contextmenu: true,
  fixedOverflowWidgets: true,
  unicodeHighlight: { ambiguousCharacters: true, invisibleCharacters: true },
};

export { monaco };
