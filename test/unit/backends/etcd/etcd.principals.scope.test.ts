import { describe, expect, it } from 'vitest';
import {
  permissionGrant,
  permissionScope,
} from '../../../../electron/core/backends/etcd/etcd.principals.scope.js';

const b = (text: string) => Buffer.from(text);
const ZERO = Buffer.from([0]);

describe('etcd permission scopes as an operator reads them', () => {
  it('names a key, a prefix, every key, an open-ended range and a half-open range', () => {
    expect(permissionScope(b('/app/config'), Buffer.alloc(0))).toBe('/app/config');
    expect(permissionScope(b('/app/'), b('/app0'))).toBe('/app/*');
    expect(permissionScope(ZERO, ZERO)).toBe('*');
    expect(permissionScope(b('/m'), ZERO)).toBe('>= /m');
    expect(permissionScope(b('/a'), b('/c'))).toBe('[/a, /c)');
  });

  it('writes bytes that are not printable text as \\xNN', () => {
    expect(permissionScope(Buffer.from([0x2f, 0xff, 0x01]), Buffer.alloc(0))).toBe('/\\xff\\x01');
  });

  it('maps the permission types whatever their case', () => {
    const grant = (permType: string) =>
      permissionGrant({ permType, key: b('/k'), range_end: Buffer.alloc(0) } as never, null).access;
    expect([grant('Read'), grant('WRITE'), grant('Readwrite'), grant('READWRITE')]).toEqual([
      'read',
      'write',
      'readwrite',
      'readwrite',
    ]);
  });
});
