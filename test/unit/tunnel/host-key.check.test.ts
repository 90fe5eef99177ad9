import { describe, expect, it } from 'vitest';
import { hostKeyRefusal, type HostKeyTrust } from '../../../electron/core/tunnel/host-key.check.js';
import { fingerprintOf, keyTypeOf, presentedHostKey } from '../../../electron/core/tunnel/host-key.js';

/** A key blob in SSH wire form: string type, string body. */
function blob(type: string, body: string): Buffer {
  const part = (text: string): Buffer => {
    const bytes = Buffer.from(text, 'latin1');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
  };
  return Buffer.concat([part(type), part(body)]);
}

const presented = presentedHostKey(blob('ssh-ed25519', 'the server key'));
const other = blob('ssh-ed25519', 'another key');
const trust = (over: Partial<HostKeyTrust>): HostKeyTrust => ({
  hop: 'first',
  host: 'bastion',
  port: 22,
  trusted: null,
  known: [],
  ...over,
});

describe('host key decisions', () => {
  it('prints fingerprints the way OpenSSH does and reads the key type from the blob', () => {
    expect(presented.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(fingerprintOf(Buffer.from('abc'))).toBe('SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0');
    expect(keyTypeOf(presented.blob)).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
  });

  it('asks when nothing speaks for or against the key', () => {
    const refusal = hostKeyRefusal(trust({}), presented);
    expect(refusal?.code).toBe('HOST_KEY_UNKNOWN');
    expect(refusal?.hostKey).toMatchObject({ fingerprint: presented.fingerprint, expected: null });
  });

  it('accepts the trusted fingerprint and refuses another one, whatever known_hosts says', () => {
    expect(hostKeyRefusal(trust({ trusted: presented.fingerprint }), presented)).toBeNull();
    const known = [{ keyType: 'ssh-ed25519', blob: presented.blob, revoked: false }];
    const changed = hostKeyRefusal(trust({ trusted: fingerprintOf(other), known }), presented);
    expect(changed?.code).toBe('HOST_KEY_CHANGED');
    expect(changed?.hostKey?.expected).toBe(fingerprintOf(other));
  });

  it('follows known_hosts: the same key passes, another key of the same type is a change, a revoked one refused', () => {
    const same = [{ keyType: 'ssh-ed25519', blob: presented.blob, revoked: false }];
    expect(hostKeyRefusal(trust({ known: same }), presented)).toBeNull();
    const differs = [{ keyType: 'ssh-ed25519', blob: other, revoked: false }];
    expect(hostKeyRefusal(trust({ known: differs }), presented)?.code).toBe('HOST_KEY_CHANGED');
    const otherType = [{ keyType: 'ssh-rsa', blob: other, revoked: false }];
    expect(hostKeyRefusal(trust({ known: otherType }), presented)?.code).toBe('HOST_KEY_UNKNOWN');
    const revoked = [{ keyType: 'ssh-ed25519', blob: presented.blob, revoked: true }];
    expect(hostKeyRefusal(trust({ trusted: presented.fingerprint, known: revoked }), presented)?.code).toBe(
      'HOST_KEY_CHANGED',
    );
  });
});
