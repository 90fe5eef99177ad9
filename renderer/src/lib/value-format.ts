/** The views a value can be shown in; 'hex' is a read-only dump for binary data. */
export const VALUE_FORMATS = ['json', 'yaml', 'xml', 'properties', 'html', 'text', 'hex'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** The Monaco language id used to highlight a format ('ini' is Monaco's closest to .properties). */
export const MONACO_LANGUAGE: Record<ValueFormat, string> = {
  json: 'json',
  yaml: 'yaml',
  xml: 'xml',
  properties: 'ini',
  html: 'html',
  text: 'plaintext',
  hex: 'plaintext',
};

/** Narrows an unknown stored preference to a format. */
export function isValueFormat(value: unknown): value is ValueFormat {
  return typeof value === 'string' && (VALUE_FORMATS as readonly string[]).includes(value);
}

/** The prefs key under which the chosen view of one node is remembered. */
export function viewPrefKey(connectionId: string, path: string): string {
  return `view:${connectionId}:${path}`;
}
