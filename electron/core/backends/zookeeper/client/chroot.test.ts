import { describe, expect, it } from 'vitest';
import { Chroot } from './chroot.js';

describe('Chroot', () => {
  it('prefixes paths on the way out and strips them on the way back', () => {
    const chroot = new Chroot('/app');
    expect(chroot.toServer('/')).toBe('/app');
    expect(chroot.toServer('/a/b')).toBe('/app/a/b');
    expect(chroot.fromServer('/app')).toBe('/');
    expect(chroot.fromServer('/app/a/b')).toBe('/a/b');
    expect(chroot.contains('/application')).toBe(false);
    expect(chroot.fromServer('/application')).toBe('/application');
  });

  it('leaves paths alone without a chroot', () => {
    const chroot = new Chroot(null);
    expect(chroot.toServer('/a')).toBe('/a');
    expect(chroot.fromServer('/a')).toBe('/a');
    expect(chroot.contains('/anything')).toBe(true);
  });
});
