import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, posix, resolve, win32 } from 'node:path';

/**
 * Where ConfigDeck keeps profiles, secrets, the audit log and preferences: CONFIGDECK_HOME when set, else the
 * platform's per-user config directory ($XDG_CONFIG_HOME/configdeck or ~/.config/configdeck on Linux,
 * ~/Library/Application Support/ConfigDeck on macOS, %APPDATA%\ConfigDeck on Windows).
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const explicit = env.CONFIGDECK_HOME?.trim();
  if (explicit) return resolve(explicit);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, 'ConfigDeck');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'ConfigDeck');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const configHome = xdg && isAbsolute(xdg) ? xdg : posix.join(home, '.config');
  return posix.join(configHome, 'configdeck');
}

/** Creates the data directory (and its parents) readable by the user only; an existing one is left as is. */
export async function ensureDataDir(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Every file ConfigDeck keeps in its data directory, named once. */
export interface DataPaths {
  dir: string;
  profiles: string;
  /** The encrypted secrets of a cipher (each cipher keeps its own file, so they never mix). */
  secrets: (cipherId: string) => string;
  /** The key of the file-key cipher (browser mode and the CLI). */
  fileKey: string;
  audit: string;
  prefs: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    profiles: join(dir, 'profiles.json'),
    secrets: (cipherId) => join(dir, `secrets.${cipherId}.json`),
    fileKey: join(dir, 'secret.key'),
    audit: join(dir, 'audit', 'audit.jsonl'),
    prefs: join(dir, 'prefs.json'),
  };
}
