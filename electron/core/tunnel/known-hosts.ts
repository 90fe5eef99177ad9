import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** One key a known_hosts file names for a host. */
export interface KnownHostKey {
  keyType: string;
  blob: Buffer;
  /** `@revoked`: this key must be refused wherever it shows up. */
  revoked: boolean;
}

/** How known_hosts writes a host: bare for port 22, `[host]:port` otherwise. */
function hostToken(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `*` and `?` globs of a known_hosts pattern (case-insensitive, as OpenSSH matches host names). */
function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(text);
}

/** `|1|salt|hash`: HMAC-SHA1 of the host token keyed by the salt (HashKnownHosts yes). */
function hashedMatches(entry: string, token: string): boolean {
  const [, kind, salt, hash] = entry.split('|');
  if (kind !== '1' || !salt || !hash) return false;
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(token).digest('base64');
  return digest === hash;
}

/** Whether a line's host field names `token`: any positive pattern matches and no negated one does. */
function hostFieldMatches(field: string, token: string): boolean {
  if (field.startsWith('|')) return hashedMatches(field, token);
  let matched = false;
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), token)) return false;
    } else if (globMatches(pattern, token)) {
      matched = true;
    }
  }
  return matched;
}

/**
 * The keys a known_hosts text gives for `host:port`: plain and hashed host fields, patterns and negations,
 * `@revoked` kept (to refuse); `@cert-authority` lines are left out (ConfigDeck trusts keys, not CAs).
 */
export function knownHostKeys(text: string, host: string, port: number): KnownHostKey[] {
  const token = hostToken(host, port);
  const keys: KnownHostKey[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let revoked = false;
    if (fields[0]?.startsWith('@')) {
      const marker = fields.shift();
      if (marker === '@cert-authority') continue;
      revoked = marker === '@revoked';
    }
    const [hosts, keyType, base64] = fields;
    if (!hosts || !keyType || !base64 || !hostFieldMatches(hosts, token)) continue;
    keys.push({ keyType, blob: Buffer.from(base64, 'base64'), revoked });
  }
  return keys;
}

/** The keys of `host:port` in a known_hosts file; none when the file does not exist or cannot be read. */
export async function readKnownHostKeys(file: string, host: string, port: number): Promise<KnownHostKey[]> {
  try {
    return knownHostKeys(await readFile(file, 'utf8'), host, port);
  } catch {
    // No known_hosts (a fresh machine) means nothing is trusted through it: the user is asked.
    return [];
  }
}
