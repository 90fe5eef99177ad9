import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTlsFiles, tlsConfigured } from '../../../../electron/core/backends/kit/tls.files.js';

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'configdeck-kit-tls-'));
  await writeFile(file('ca.pem'), 'CA');
  await writeFile(file('cert.pem'), 'CERT');
  await writeFile(file('key.pem'), 'KEY');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('TLS files of a profile', () => {
  it('counts a profile as asking for TLS with any file or the explicit skip of verification', () => {
    expect(tlsConfigured(null)).toBe(false);
    expect(tlsConfigured(undefined)).toBe(false);
    expect(tlsConfigured({})).toBe(false);
    expect(tlsConfigured({ insecureSkipVerify: false })).toBe(false);
    expect(tlsConfigured({ caFile: '/ca.pem' })).toBe(true);
    expect(tlsConfigured({ certFile: '/c.pem' })).toBe(true);
    expect(tlsConfigured({ keyFile: '/k.pem' })).toBe(true);
    expect(tlsConfigured({ insecureSkipVerify: true })).toBe(true);
  });

  it('reads the CA, certificate and key, and verifies the server unless told otherwise', async () => {
    const files = { caFile: file('ca.pem'), certFile: file('cert.pem'), keyFile: file('key.pem') };
    const material = await loadTlsFiles(files);
    expect(material.ca?.toString()).toBe('CA');
    expect(material.cert?.toString()).toBe('CERT');
    expect(material.key?.toString()).toBe('KEY');
    expect(material.rejectUnauthorized).toBe(true);
    expect(await loadTlsFiles({ ...files, insecureSkipVerify: true })).toMatchObject({
      rejectUnauthorized: false,
    });
  });

  it('gives nothing but verification for a profile without files', async () => {
    expect(await loadTlsFiles(null)).toEqual({ rejectUnauthorized: true });
    expect(await loadTlsFiles({ caFile: file('ca.pem') })).toEqual({
      ca: Buffer.from('CA'),
      rejectUnauthorized: true,
    });
  });

  it('names a missing and an unreadable file in one sentence', async () => {
    await expect(loadTlsFiles({ caFile: file('nope.pem') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `The TLS CA file ${file('nope.pem')} does not exist.`,
    });
    // A directory exists but cannot be read as a file.
    await expect(loadTlsFiles({ certFile: dir, keyFile: file('key.pem') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `The TLS certificate file ${dir} cannot be read.`,
    });
  });

  it('refuses a certificate without its key and a key without its certificate, before reading', async () => {
    const refused = {
      code: 'INVALID_INPUT',
      message: 'A TLS client certificate needs both a certificate file and a key file.',
    };
    await expect(loadTlsFiles({ certFile: file('cert.pem') })).rejects.toMatchObject(refused);
    await expect(loadTlsFiles({ keyFile: file('key.pem') })).rejects.toMatchObject(refused);
    // The pairing is checked first: a missing certificate file does not hide it.
    await expect(loadTlsFiles({ certFile: file('nope.pem') })).rejects.toMatchObject(refused);
  });
});
