import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A UI text written in code instead of the catalogue. */
export interface BypassingString {
  file: string;
  line: number;
  text: string;
  where: string;
}

/** Props and attributes whose string value a user reads (or hears through a screen reader). */
export const USER_FACING_PROPS = new Set([
  'title',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'placeholder',
  'label',
  'alt',
  'message',
  'hint',
  'detail',
  'heading',
  'legend',
  'caption',
  'confirmText',
  'confirmLabel',
  'cancelLabel',
  'emptyText',
  'empty',
  'description',
  'summary',
  'tooltip',
  'header',
]);

/** A prop is user-facing when it is listed above or named like one: `busyLabel`, `emptyText`, `ariaLabel`. */
export function isUserFacingProp(name: string): boolean {
  return USER_FACING_PROPS.has(name) || /[a-z](Label|Text)$/.test(name);
}

/**
 * Texts that are not language: symbols, units that read the same in both languages, protocol and product
 * names. Kept short on purpose: anything with a word a translator would translate belongs in the catalogue.
 */
export const ALLOWED_TEXTS = new Set([
  'ms',
  's',
  'B',
  'KB',
  'MB',
  'GB',
  'TTL',
  'ACL',
  'TLS',
  'SSH',
  'ID',
  'OK',
  'JSON',
  'YAML',
  'ZooKeeper',
  'etcd',
  'Consul',
  'Nacos',
  'ConfigDeck',
]);

/** The marker of a string that is deliberately not UI text, with its reason: `// i18n-exempt: why`. */
const EXEMPT = /i18n-exempt:/;

/** A text with a letter (any script) that is not on the allow-list. */
export function isLanguage(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(trimmed)) return false;
  return !ALLOWED_TEXTS.has(trimmed);
}

function filesUnder(dir: string, skip: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip(path)) continue;
    if (entry.isDirectory()) out.push(...filesUnder(path, skip));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** String literals an expression can evaluate to directly (`a ? 'x' : 'y'`, `a ?? 'x'`, `a || 'x'`). */
function directLiterals(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return directLiterals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...directLiterals(node.whenTrue), ...directLiterals(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    [
      ts.SyntaxKind.QuestionQuestionToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.AmpersandAmpersandToken,
    ].includes(node.operatorToken.kind)
  )
    return [...directLiterals(node.left), ...directLiterals(node.right)];
  return literalText(node) === null ? [] : [node];
}

/**
 * Scans one source file: JSX text with letters, string literals in JSX children `{'…'}`, and string
 * literals given to user-facing props (as JSX attributes or as object-literal properties passed on).
 */
export function scanSource(fileName: string, source: string): Omit<BypassingString, 'file'>[] {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Omit<BypassingString, 'file'>[] = [];
  const lines = source.split('\n');
  const report = (node: ts.Node, text: string, where: string) => {
    if (!isLanguage(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    // A sentence deliberately left in English (an error's core-style detail) says so where it is written.
    if (EXEMPT.test(lines[line] ?? '') || EXEMPT.test(lines[line - 1] ?? '')) return;
    found.push({
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: text.trim(),
      where,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, 'JSX text');
    else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const literal of directLiterals(node.expression))
        report(literal, literalText(literal)!, 'JSX child');
    } else if (ts.isJsxAttribute(node) && isUserFacingProp(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      const name = node.name.getText(sf);
      if (ts.isStringLiteral(init)) report(init, init.text, name);
      else if (ts.isJsxExpression(init) && init.expression)
        for (const literal of directLiterals(init.expression)) report(literal, literalText(literal)!, name);
    } else if (
      ts.isPropertyAssignment(node) &&
      isUserFacingProp(node.name.getText(sf).replace(/['"]/g, ''))
    ) {
      for (const literal of directLiterals(node.initializer))
        report(literal, literalText(literal)!, node.name.getText(sf));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Every bypassing string under a directory (the renderer's sources, minus what `skip` leaves out). */
export function scanTree(root: string, skip: (path: string) => boolean = () => false): BypassingString[] {
  return filesUnder(root, skip).flatMap((file) =>
    scanSource(file, readFileSync(file, 'utf8')).map((hit) => ({ file: relative(root, file), ...hit })),
  );
}
