import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { knownHostKeys } from '../../../electron/core/tunnel/known-hosts.js';

const KEY_A = Buffer.from('key a').toString('base64');
const KEY_B = Buffer.from('key b').toString('base64');

function hashed(token: string): string {
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(token).digest('base64');
  return `|1|${salt.toString('base64')}|${hash}`;
}

describe('known_hosts lookup', () => {
  it('finds bare hosts on port 22 and [host]:port elsewhere, never the other port', () => {
    const text = [
      `bastion ssh-ed25519 ${KEY_A}`,
      `[bastion]:2222 ssh-ed25519 ${KEY_B}`,
      '# a comment',
      '',
    ].join('\n');
    expect(knownHostKeys(text, 'bastion', 22).map((k) => k.blob.toString())).toEqual(['key a']);
    expect(knownHostKeys(text, 'bastion', 2222).map((k) => k.blob.toString())).toEqual(['key b']);
    expect(knownHostKeys(text, 'bastion', 2200)).toEqual([]);
  });

  it('matches hashed host names (HashKnownHosts) and comma lists, patterns and negations', () => {
    const text = [
      `${hashed('[10.0.0.5]:2222')} ssh-ed25519 ${KEY_A}`,
      `web1,web2 ecdsa-sha2-nistp256 ${KEY_B}`,
      `*.prod.example,!db.prod.example ssh-rsa ${KEY_A}`,
    ].join('\n');
    expect(knownHostKeys(text, '10.0.0.5', 2222)).toHaveLength(1);
    expect(knownHostKeys(text, '10.0.0.5', 22)).toHaveLength(0);
    expect(knownHostKeys(text, 'web2', 22)[0]?.keyType).toBe('ecdsa-sha2-nistp256');
    expect(knownHostKeys(text, 'APP.prod.example', 22)).toHaveLength(1);
    expect(knownHostKeys(text, 'db.prod.example', 22)).toHaveLength(0);
  });

  it('keeps @revoked keys (to refuse them) and leaves @cert-authority lines out', () => {
    const text = [
      `@revoked bastion ssh-ed25519 ${KEY_A}`,
      `@cert-authority bastion ssh-ed25519 ${KEY_B}`,
    ].join('\n');
    expect(knownHostKeys(text, 'bastion', 22)).toEqual([
      { keyType: 'ssh-ed25519', blob: Buffer.from('key a'), revoked: true },
    ]);
  });
});
