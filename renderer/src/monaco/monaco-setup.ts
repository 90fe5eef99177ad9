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
import { paintedTheme, THEME_ATTRIBUTE } from '../theme/applied-theme.js';
import { MONACO_THEMES } from './monaco-themes.js';

// Workers are bundled by Vite and served from 'self' (the CSP allows no other origin).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

for (const theme of Object.values(MONACO_THEMES)) {
  monaco.editor.defineTheme(theme.name, {
    base: theme.base,
    inherit: true,
    rules: theme.rules,
    colors: theme.colors,
  });
}

/** The Monaco theme for the UI theme painted now; new editors start with it. */
export function currentMonacoTheme(): string {
  return MONACO_THEMES[paintedTheme()].name;
}

// Monaco's theme is global to the page: follow <html data-theme> whoever changes it (settings, the OS).
new MutationObserver(() => monaco.editor.setTheme(currentMonacoTheme())).observe(document.documentElement, {
  attributes: true,
  attributeFilter: [THEME_ATTRIBUTE],
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
