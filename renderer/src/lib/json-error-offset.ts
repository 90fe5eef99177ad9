// JSON.parse messages differ between engines and recent V8 no longer says where the error is, so the
// position is found with a small strict scanner (RFC 8259) that only runs once JSON.parse has failed.

class JsonSyntaxError extends Error {
  constructor(readonly offset: number) {
    super('invalid JSON');
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON strings refuse
const STRING_CHUNK = /[^"\\\u0000-\u001f]*/y;
const ESCAPE = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

function scanner(text: string) {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(i);
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());
  const sticky = (re: RegExp): boolean => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[0].length === 0) return false;
    i += m[0].length;
    return true;
  };
  const string = () => {
    expect('"');
    for (;;) {
      sticky(STRING_CHUNK);
      if (text[i] === '"') return void i++;
      if (text[i] === '\\') {
        if (!sticky(ESCAPE)) fail();
      } else fail();
    }
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === '{') return container('}', true);
    if (c === '[') return container(']', false);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) return void (i += word.length);
    if (!sticky(NUMBER)) fail();
  };
  const container = (close: string, keyed: boolean) => {
    i++;
    skip();
    if (text[i] === close) return void i++;
    for (;;) {
      if (keyed) {
        skip();
        string();
        skip();
        expect(':');
      }
      value();
      skip();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  return {
    run() {
      value();
      skip();
      if (i < text.length) fail();
    },
  };
}

/** Offset of the first JSON syntax error in `text`, or null when it is valid JSON. */
export function jsonErrorOffset(text: string): number | null {
  try {
    scanner(text).run();
    return null;
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error.offset;
    throw error;
  }
}
