import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDataDir, resolveDataDir } from '../../../electron/core/storage/data-dir.js';

describe('resolveDataDir', () => {
  it('prefers CONFIGDECK_HOME on every platform', () => {
    expect(resolveDataDir({ CONFIGDECK_HOME: '/srv/deck' }, 'linux', '/home/u')).toBe('/srv/deck');
    expect(resolveDataDir({ CONFIGDECK_HOME: 'rel/deck' }, 'darwin', '/Users/u')).toBe(resolve('rel/deck'));
  });

  it('uses $XDG_CONFIG_HOME/configdeck on Linux, else ~/.config/configdeck', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/configdeck');
    expect(resolveDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/configdeck');
    // A relative XDG_CONFIG_HOME is invalid per the XDG spec and is ignored.
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'xdg' }, 'linux', '/home/u')).toBe('/home/u/.config/configdeck');
    expect(resolveDataDir({ CONFIGDECK_HOME: '  ' }, 'linux', '/home/u')).toBe('/home/u/.config/configdeck');
  });

  it('uses Application Support on macOS', () => {
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/ConfigDeck',
    );
  });

  it('uses %APPDATA%\\ConfigDeck on Windows', () => {
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\ConfigDeck',
    );
    expect(resolveDataDir({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\ConfigDeck');
  });

  it('reads process.env by default', () => {
    const saved = process.env.CONFIGDECK_HOME;
    process.env.CONFIGDECK_HOME = '/tmp/deck-default';
    try {
      expect(resolveDataDir()).toBe('/tmp/deck-default');
    } finally {
      if (saved === undefined) delete process.env.CONFIGDECK_HOME;
      else process.env.CONFIGDECK_HOME = saved;
    }
  });
});

describe('ensureDataDir', () => {
  it('creates the directory and its parents readable by the user only', async () => {
    const root = await mkdtemp(join(tmpdir(), 'configdeck-dir-'));
    try {
      const dir = join(root, 'nested', 'configdeck');
      expect(await ensureDataDir(dir)).toBe(dir);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      // Calling it again on an existing directory is fine.
      await ensureDataDir(dir);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
