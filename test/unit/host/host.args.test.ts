import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseHostArgs } from '../../../electron/host/host.args.js';

describe('parseHostArgs', () => {
  it('defaults to the standard port, no connections file, opening a browser', () => {
    expect(parseHostArgs([])).toEqual({ port: DEFAULT_PORT, connectionsFile: null, open: true });
  });

  it('reads --port, --connections and --no-open, in both spellings', () => {
    expect(parseHostArgs(['--port', '0', '--connections', 'c.json', '--no-open'])).toEqual({
      port: 0,
      connectionsFile: 'c.json',
      open: false,
    });
    expect(parseHostArgs(['--port=5000'])).toMatchObject({ port: 5000 });
  });

  it('refuses bad ports and unknown flags with one sentence', () => {
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/--port must be a number/);
    expect(() => parseHostArgs(['--port', '70000'])).toThrow(/--port must be a number/);
    expect(() => parseHostArgs(['--port'])).toThrow(/needs a value/);
    expect(() => parseHostArgs(['--verbose'])).toThrow(/Unknown argument "--verbose"/);
  });
});
