import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { auditIdentity } from '../../../electron/core/audit/audit.identity.js';
import { canonicalJson } from '../../../electron/core/audit/audit.entry.js';
import { redactDetails } from '../../../electron/core/audit/audit.redact.js';

describe('auditIdentity', () => {
  it('names a user and this host', () => {
    const identity = auditIdentity({});
    expect(identity.user.length).toBeGreaterThan(0);
    expect(identity.host).toBe(hostname());
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined fields and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: undefined }, '10': null })).toBe(
      '{"10":null,"a":{"d":[2,{"y":"x","z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('redactDetails', () => {
  it('replaces values of fields named like credentials', () => {
    expect(
      redactDetails({ password: 'p', aclToken: 't', clientSecret: 's', count: 3, mode: 'persistent' }),
    ).toEqual({
      password: '[redacted]',
      aclToken: '[redacted]',
      clientSecret: '[redacted]',
      count: 3,
      mode: 'persistent',
    });
    expect(redactDetails(null)).toBeNull();
  });
});
