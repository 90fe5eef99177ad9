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
  'loading',
  'cell',
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

/**
 * A word of two letters or more standing on its own (`min` in `${m} min`, `Left` in `Left: ${a}`, not `view`
 * in `view:${id}`).
 */
const FREE_WORD = /(?:^|\s)(\p{L}{2,})(?=\s|$|[.,;!?…]|:\s)/gu;

/** A template's fixed parts say something in a language: a free word that is not a unit or a name. */
function templateSpeaks(parts: readonly string[]): boolean {
  return parts.some((part) => [...part.matchAll(FREE_WORD)].some((m) => !ALLOWED_TEXTS.has(m[1]!)));
}

/** Prose: two words in a row, or a capitalised word ending a sentence (`Done.`, `Asking…`). */
function isProse(text: string): boolean {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!isLanguage(trimmed)) return false;
  return /\p{L}{2,} \p{L}{2,}/u.test(trimmed) || /^\p{Lu}\p{Ll}+.*[.…!?]$/u.test(trimmed);
}

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

/** The fixed parts of a template literal, or the one text of a plain string literal. */
function literalParts(node: ts.Node): string[] | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  return null;
}

/** Whether a returned literal is UI language: any word for a plain string, a free word for a template. */
function returnedSpeaks(node: ts.Node): boolean {
  const parts = literalParts(node);
  if (parts === null) return false;
  return ts.isTemplateExpression(node) ? templateSpeaks(parts) : isLanguage(parts[0]!);
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/**
 * Whether what a function returns may be shown: it declares a text or React node, or declares nothing
 * (then only prose counts, since a lone word is as likely a code). A declared union of codes is not text.
 */
function returnsText(fn: FunctionLike, sf: ts.SourceFile): 'text' | 'prose' | 'no' {
  if (fn.type === undefined) return 'prose';
  return /\bstring\b|ReactNode|ReactElement|JSX\.Element/.test(fn.type.getText(sf)) ? 'text' : 'no';
}

/** The literals a function-like gives back: its expression body's, or those of its own return statements. */
function returnedLiterals(fn: FunctionLike): ts.Node[] {
  if (fn.body === undefined) return [];
  if (!ts.isBlock(fn.body)) return directLiterals(fn.body);
  const out: ts.Node[] = [];
  const walk = (node: ts.Node) => {
    if (node !== fn.body && (ts.isFunctionLike(node) || ts.isClassLike(node))) return;
    if (ts.isReturnStatement(node) && node.expression) out.push(...directLiterals(node.expression));
    ts.forEachChild(node, walk);
  };
  walk(fn.body);
  return out;
}

/** An object literal assigned to a constant named for labels or texts (`STATE_LABELS`, `modeTitles`). */
function isLabelMap(node: ts.Node): boolean {
  return (
    ts.isObjectLiteralExpression(node) &&
    ts.isVariableDeclaration(node.parent) &&
    /(LABELS?|TEXTS?|TITLES?|Labels?|Texts?|Titles?)$/.test(node.parent.name.getText())
  );
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
 * The functions a file declares by name, with the names of their parameters that are user-facing (by
 * position; others undefined): what a call passes there is shown.
 */
function userFacingParameters(sf: ts.SourceFile): Map<string, (string | undefined)[]> {
  const found = new Map<string, (string | undefined)[]>();
  const note = (name: string, fn: FunctionLike) => {
    const names = fn.parameters.map((p) =>
      ts.isIdentifier(p.name) && isUserFacingProp(p.name.text) ? p.name.text : undefined,
    );
    if (names.some(Boolean)) found.set(name, names);
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) note(node.name.text, node);
    else if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
    )
      note(node.name.text, node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
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
  const reported = new Set<ts.Node>();
  const report = (node: ts.Node, text: string, where: string, speaks = isLanguage(text)) => {
    if (!speaks || reported.has(node)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    if (isExempt(node, line)) return;
    reported.add(node);
    found.push({ line: line + 1, text: text.trim(), where });
  };
  // A text deliberately left as it is (an error's core-style detail, an id that reads like words) says so
  // where it is written: on its line, the line before, or before the statement it is part of.
  const isExempt = (node: ts.Node, line: number): boolean => {
    if (EXEMPT.test(lines[line] ?? '') || EXEMPT.test(lines[line - 1] ?? '')) return true;
    for (let at: ts.Node | undefined = node; at && !ts.isSourceFile(at); at = at.parent) {
      const leading = source.slice(at.getFullStart(), at.getStart(sf));
      if (EXEMPT.test(leading)) return true;
      if (ts.isVariableStatement(at) || ts.isFunctionDeclaration(at) || ts.isExpressionStatement(at)) break;
    }
    return false;
  };
  // `anyOf('Any', values)` where anyOf's parameter is `anyLabel`, and `t('key', { value: x ?? 'the default' })`:
  // an argument that becomes shown text.
  const reportArguments = (call: ts.CallExpression) => {
    const callee = call.expression.getText(sf);
    const labels = labelParameters.get(callee);
    call.arguments.forEach((argument, index) => {
      const name = labels?.[index];
      if (name) for (const literal of directLiterals(argument)) report(literal, literalText(literal)!, name);
    });
    const values = call.arguments[1];
    if ((callee === 't' || callee.endsWith('.t')) && values && ts.isObjectLiteralExpression(values)) {
      for (const property of values.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        for (const literal of directLiterals(property.initializer))
          report(literal, literalText(literal)!, `t() value ${property.name.getText(sf)}`);
      }
    }
  };
  const reportReturns = (fn: FunctionLike, where: string, kind = returnsText(fn, sf)) => {
    if (kind === 'no') return;
    for (const literal of returnedLiterals(fn)) {
      const text = literalText(literal)!;
      report(literal, text, where, kind === 'prose' ? isProse(text) : returnedSpeaks(literal));
    }
  };
  const labelParameters = userFacingParameters(sf);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) reportArguments(node);
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
      const name = node.name.getText(sf);
      const init = node.initializer;
      // `cell: (row) => row.client ?? 'not told'`: what the function gives is shown.
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) reportReturns(init, name, 'text');
      else for (const literal of directLiterals(init)) report(literal, literalText(literal)!, name);
    } else if (
      ts.isPropertyAssignment(node) &&
      isLabelMap(node.parent) &&
      literalText(node.initializer) !== null
    ) {
      // `const MODE_LABELS = { substring: 'contains' }`: a map named for labels holds UI text.
      report(node.initializer, literalText(node.initializer)!, 'label map');
    } else if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      reportReturns(node, 'returned');
    } else if (
      literalText(node) !== null &&
      !ts.isImportDeclaration(node.parent) &&
      isProse(literalText(node)!)
    ) {
      // A sentence anywhere (a label map, a default): prose is UI text wherever it is written.
      if (/^\p{Lu}/u.test(literalText(node)!.trim())) report(node, literalText(node)!, 'sentence');
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
