import { describe, expect, it } from 'vitest';
import {
  parseSnapshot,
  serializeSnapshot,
  type SnapshotKey,
} from '../../../electron/core/backends/snapshot/snapshot.format.js';

const key = (path: string, value: Buffer | string): SnapshotKey => ({
  path,
  value: typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
  meta: null,
  acls: null,
});

const KEYS = [
  key('/z', 'last'),
  key('/bin', Buffer.from([0x00, 0xff, 0xfe, 0x80])),
  key('/ünï/çødé/🚀', 'välue ✓ 🚀'),
  key('/empty', ''),
  key('/folder', 'a value'),
  key('/folder/child', '{"json": true}'),
  key('/bom', Buffer.from([0xef, 0xbb, 0xbf, 0x41])),
  key('/lines', 'a\r\nb\n\t"quoted"\\'),
];

describe('snapshot format', () => {
  const text = serializeSnapshot({
    source: 'zk://h:1/app',
    exportedAt: '2025-01-01T00:00:00.000Z',
    keys: KEYS,
  });

  it('writes a header, then one key per line in path order, text as text and the rest as base64', () => {
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '{',
      '  "format": "configdeck-snapshot",',
      '  "version": 1,',
      '  "source": "zk://h:1/app",',
      '  "exportedAt": "2025-01-01T00:00:00.000Z",',
      `  "keyCount": ${KEYS.length},`,
      '  "keys": [',
    ]);
    expect(lines).toContain('    { "path": "/bin", "encoding": "base64", "value": "AP/+gA==" },');
    expect(lines).toContain('    { "path": "/empty", "value": "" },');
    expect(lines).toContain('    { "path": "/ünï/çødé/🚀", "value": "välue ✓ 🚀" }');
    const paths = lines
      .filter((l) => l.startsWith('    {'))
      .map((l) => (JSON.parse(l.replace(/,$/, '')) as { path: string }).path);
    expect(paths).toEqual([
      '/bin',
      '/bom',
      '/empty',
      '/folder',
      '/folder/child',
      '/lines',
      '/z',
      '/ünï/çødé/🚀',
    ]);
    expect(text.endsWith(']\n}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ keyCount: KEYS.length });
  });

  it('reads back every byte, and writing again gives the same text', () => {
    const parsed = parseSnapshot(text, 'test');
    for (const original of KEYS) {
      const read = parsed.keys.find((k) => k.path === original.path);
      expect(read?.value.equals(original.value), original.path).toBe(true);
    }
    expect(serializeSnapshot(parsed)).toBe(text);
  });

  it('keeps metadata rows sorted and ACLs when exported with them', () => {
    const withMeta = serializeSnapshot({
      source: 's',
      exportedAt: 't',
      keys: [
        {
          path: '/a',
          value: Buffer.from('1'),
          meta: { version: '3', czxid: '0x1' },
          acls: [{ scheme: 'world', id: 'anyone', permissions: 'crwda' }],
        },
      ],
    });
    expect(withMeta).toContain(
      '"meta": {"czxid":"0x1","version":"3"}, "acls": [{"scheme":"world","id":"anyone","permissions":"crwda"}]',
    );
    expect(parseSnapshot(withMeta, 'm').keys[0]).toMatchObject({
      meta: { version: '3' },
      acls: [{ scheme: 'world' }],
    });
  });

  it('refuses what is not a snapshot, in one sentence naming the file', () => {
    expect(() => parseSnapshot('nope', 'f.json')).toThrow(/The snapshot f.json is not valid: not JSON/);
    expect(() => parseSnapshot('{"format":"other"}', 'f.json')).toThrow(/not valid: .* at format/);
    const base = { format: 'configdeck-snapshot', version: 1, source: 's', exportedAt: 't' };
    const twice = JSON.stringify({
      ...base,
      keys: [
        { path: '/a', value: '1' },
        { path: '/a', value: '2' },
      ],
    });
    expect(() => parseSnapshot(twice, 'f.json')).toThrow(/the key \/a appears twice/);
    const root = JSON.stringify({ ...base, keys: [{ path: '/', value: '1' }] });
    expect(() => parseSnapshot(root, 'f.json')).toThrow(/root itself is not a key/);
    const badBase64 = JSON.stringify({
      ...base,
      keys: [{ path: '/a', encoding: 'base64', value: 'not base64!' }],
    });
    expect(() => parseSnapshot(badBase64, 'f.json')).toThrow(/marked base64 but is not valid base64/);
  });
});
