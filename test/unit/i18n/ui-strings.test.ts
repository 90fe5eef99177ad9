import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanSource, scanTree } from './ui-strings.js';

const RENDERER = fileURLToPath(new URL('../../../renderer/src', import.meta.url));
// The command palette is another helper's part of the tree while it is being written.
const skip = (path: string) => path.includes('/i18n/locales');

describe('UI strings go through the catalogue', () => {
  it('finds no JSX text or user-facing prop written in code in renderer/src', () => {
    const found = scanTree(RENDERER, skip).map((hit) => `${hit.file}:${hit.line} [${hit.where}] ${hit.text}`);
    expect(found).toEqual([]);
  });

  it('catches what it is meant to catch, and lets symbols, units and test ids through', () => {
    const source = [
      `export function A({ n }: { n: number }) {`,
      `  return (`,
      `    <div title="Open node" data-testid="tree-row" className="row big">`,
      `      Hello {n} nodes`,
      `      <input placeholder={n ? 'Filter' : \`Find \${n}\`} aria-label={t('tree:go')} />`,
      `      {n > 1 && 'Many'}`,
      `      <span>ms</span> <b>×</b> <i>{n} / {n}</i> <Button label="Save" />`,
      `      <Dialog confirmText="Write" message={t('x')} />`,
      `      <Button busyLabel="Saving…" testId="save" />`,
      `    </div>`,
      `  );`,
      `}`,
      `const COLUMNS = [{ header: 'Status' }];`,
      `// i18n-exempt: a core-style sentence`,
      `const e = { message: 'The call was cancelled.' };`,
    ].join('\n');
    const texts = scanSource('x.tsx', source).map((hit) => `${hit.where}:${hit.text}`);
    expect(texts).toEqual([
      'title:Open node',
      'JSX text:Hello',
      'JSX text:nodes',
      'placeholder:Filter',
      'placeholder:Find',
      'JSX child:Many',
      'label:Save',
      'confirmText:Write',
      'busyLabel:Saving…',
      'header:Status',
    ]);
  });

  it('catches English returned from helpers, given to table cells and written in label maps', () => {
    const source = [
      `type Mode = 'leader' | 'follower';`,
      `function ttl(s: number): string { if (s <= 0) return 'expired'; return \`\${s} min\`; }`,
      `function mode(m: boolean): Mode { return m ? 'leader' : 'follower'; }`,
      `const health = (n: number) => (n > 0 ? 'unknown' : 'not known');`,
      `const key = (id: string): string => \`view:\${id}\`;`,
      `const ms = (n: number): string => \`\${n} ms\`;`,
      `const side = (a: string): string => \`Left: \${a}\`;`,
      `const LABELS: Record<string, string> = { done: 'Done.', running: 'Searching…' };`,
      `const columns = [{ cell: (w: { c?: string }) => w.c ?? 'not told' }];`,
      `const q = <QueryState loading="Asking…" />;`,
      `const MODE_LABELS = { substring: 'contains', glob: 'glob' };`,
      `// i18n-exempt: ids typed in scripts`,
      `const RANGES = [`,
      `  { id: 'Last hour' },`,
      `];`,
    ].join('\n');
    const texts = scanSource('x.tsx', source).map((hit) => `${hit.where}:${hit.text}`);
    expect(texts).toEqual([
      'returned:expired',
      'returned:min',
      'returned:not known',
      'returned:Left:',
      'label map:Done.',
      'label map:Searching…',
      'cell:not told',
      'loading:Asking…',
      'label map:contains',
      'label map:glob',
    ]);
  });

  it('catches English given to a helper’s label parameter and interpolated into a catalogue text', () => {
    const source = [
      `function anyOf(anyLabel: string, values: string[]) { return [anyLabel, ...values]; }`,
      `const a = anyOf('Any', ['x']);`,
      `const b = anyOf(t('any'), ['x']);`,
      `const c = t('emptyMeans', { value: path ?? 'the default', count: 2 });`,
      `const d = i18n.t('at', { n: 3, unit: 'ms' });`,
      `const e = other('Any', { value: 'the default' });`,
    ].join('\n');
    const texts = scanSource('x.ts', source).map((hit) => `${hit.where}:${hit.text}`);
    expect(texts).toEqual(['anyLabel:Any', 't() value value:the default']);
  });
});
