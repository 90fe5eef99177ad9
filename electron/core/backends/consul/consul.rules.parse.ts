import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';
import { say } from '../../../../shared/sentences/sentence-table.js';

/**
 * A small reader for Consul ACL rules, which are HCL (v1) or JSON. Both come out as the same tree: an
 * object is a list of entries (keys may repeat: two `key_prefix` blocks), and an HCL block
 * `key_prefix "app/" { policy = "read" }` is the entry `key_prefix` → { `app/` → { policy → "read" } },
 * exactly what its JSON form `{"key_prefix": {"app/": {"policy": "read"}}}` says.
 */
export type RuleValue = string | number | boolean | RuleObject | RuleValue[];
export interface RuleObject {
  entries: Array<[string, RuleValue]>;
}

/** Whether a value is an object (not a list, not a scalar). */
export function isRuleObject(value: RuleValue): value is RuleObject {
  return typeof value === 'object' && !Array.isArray(value);
}

export class RulesSyntaxError extends Error {}

type Token =
  | { kind: 'string' | 'ident'; text: string; at: number }
  | { kind: 'punct'; text: '{' | '}' | '[' | ']' | '=' | ',' | ':'; at: number };

const PUNCT = new Set(['{', '}', '[', ']', '=', ',', ':']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/' };

/** Reads a quoted string starting at `start` (the opening quote); returns its text and the index after. */
function readString(source: string, start: number): [string, number] {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '"') return [text, i + 1];
    if (char === '\n') break;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'u') {
        text += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      text += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    text += char;
    i++;
  }
  throw new RulesSyntaxError(say(CONSUL_SENTENCES, 'rulesStringNotClosed', { at: start + 1 }));
}

/** Skips a comment at `i` (`#`, `//` to the end of the line, `/* … *\/`); returns the index after it. */
function skipComment(source: string, i: number): number {
  if (source.startsWith('/*', i)) {
    const end = source.indexOf('*/', i + 2);
    if (end < 0) throw new RulesSyntaxError(say(CONSUL_SENTENCES, 'rulesCommentNotClosed', { at: i + 1 }));
    return end + 2;
  }
  const end = source.indexOf('\n', i);
  return end < 0 ? source.length : end + 1;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/.test(char)) i++;
    else if (char === '#' || source.startsWith('//', i) || source.startsWith('/*', i))
      i = skipComment(source, i);
    else if (char === '"') {
      const [text, next] = readString(source, i);
      tokens.push({ kind: 'string', text, at: i });
      i = next;
    } else if (PUNCT.has(char)) {
      tokens.push({ kind: 'punct', text: char as '{', at: i });
      i++;
    } else {
      const match = /^[A-Za-z0-9_.-]+/.exec(source.slice(i));
      if (!match) {
        throw new RulesSyntaxError(say(CONSUL_SENTENCES, 'rulesUnexpectedAt', { text: char, at: i + 1 }));
      }
      tokens.push({ kind: 'ident', text: match[0], at: i });
      i += match[0].length;
    }
  }
  return tokens;
}

/** A recursive-descent reader over the tokens of HCL v1 as Consul's rules use it. */
class HclReader {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The whole document: entries up to the end. */
  document(): RuleObject {
    const body = this.body(null);
    if (this.index < this.tokens.length) this.fail(say(CONSUL_SENTENCES, 'rulesUnexpected', { text: '}' }));
    return body;
  }

  /** Entries until `close` (or the end when null). */
  private body(close: '}' | null): RuleObject {
    const entries: RuleObject['entries'] = [];
    for (;;) {
      const token = this.tokens[this.index];
      if (token === undefined) {
        if (close !== null) this.fail(say(CONSUL_SENTENCES, 'rulesBlockNotClosed', { close }));
        return { entries };
      }
      if (token.kind === 'punct' && token.text === close) return { entries };
      if (token.kind === 'punct' && token.text === ',') {
        this.index++;
        continue;
      }
      entries.push(this.entry());
    }
  }

  /** `name = value`, `name { … }` or `name "label" … { … }`. */
  private entry(): [string, RuleValue] {
    const name = this.next();
    if (name.kind === 'punct')
      this.fail(say(CONSUL_SENTENCES, 'rulesExpectedNameAt', { text: name.text, at: name.at + 1 }));
    const labels: string[] = [];
    for (;;) {
      const token = this.peek();
      if (token?.kind === 'string' || token?.kind === 'ident') {
        labels.push(token.text);
        this.index++;
      } else break;
    }
    const token = this.peek();
    let value: RuleValue;
    if (token?.kind === 'punct' && (token.text === '=' || token.text === ':')) {
      this.index++;
      value = this.value();
    } else if (token?.kind === 'punct' && token.text === '{') {
      value = this.object();
    } else {
      this.fail(
        token === undefined
          ? say(CONSUL_SENTENCES, 'rulesNeedsValue', { name: name.text })
          : say(CONSUL_SENTENCES, 'rulesNeedsValueAt', { name: name.text, at: token.at + 1 }),
      );
    }
    // Labels nest the value: `a "b" "c" {…}` is a → b → c → {…}.
    for (const label of labels.reverse()) value = { entries: [[label, value]] };
    return [name.text, value];
  }

  private value(): RuleValue {
    const token = this.next();
    if (token.kind === 'string') return token.text;
    if (token.kind === 'ident') {
      if (token.text === 'true' || token.text === 'false') return token.text === 'true';
      const number = Number(token.text);
      return Number.isFinite(number) ? number : token.text;
    }
    if (token.text === '{') {
      this.index--;
      return this.object();
    }
    if (token.text === '[') {
      const items: RuleValue[] = [];
      while (this.peek()?.text !== ']') {
        if (this.peek() === undefined) this.fail(say(CONSUL_SENTENCES, 'rulesListNotClosed'));
        if (this.peek()?.text === ',') this.index++;
        else items.push(this.value());
      }
      this.index++;
      return items;
    }
    this.fail(say(CONSUL_SENTENCES, 'rulesUnexpectedAt', { text: token.text, at: token.at + 1 }));
  }

  private object(): RuleObject {
    this.index++;
    const body = this.body('}');
    this.index++;
    return body;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (token === undefined) this.fail(say(CONSUL_SENTENCES, 'rulesEndEarly'));
    return token;
  }

  /** Stops with `message`, which says where it broke when it can (`… at character 12`). */
  private fail(message: string): never {
    throw new RulesSyntaxError(message);
  }
}

function fromJson(value: unknown): RuleValue {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value !== null && typeof value === 'object')
    return {
      entries: Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, fromJson(inner)]),
    };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

/** Parses rules text (HCL or JSON) into entries; throws RulesSyntaxError with where it went wrong. */
export function parseRules(source: string): RuleObject {
  const trimmed = source.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(trimmed);
      const value = fromJson(json);
      if (isRuleObject(value)) return value;
    } catch {
      // Not JSON: HCL may also open with a brace-less body only, so fall through to the HCL reader.
    }
  }
  return new HclReader(tokenize(source)).document();
}
