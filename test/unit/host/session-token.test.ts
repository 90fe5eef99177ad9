import { describe, expect, it } from 'vitest';
import { createSessionToken, tokenMatches } from '../../../electron/host/session-token.js';
import { hostAllowed, originAllowed } from '../../../electron/host/origin-policy.js';
import { resolveInside } from '../../../electron/host/static.files.js';

describe('session token', () => {
  it('is random per start and long enough to resist guessing', () => {
    const a = createSessionToken();
    const b = createSessionToken();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url').length).toBe(32);
  });

  it('matches only the exact token', () => {
    const token = createSessionToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, token + 'x')).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
  });
});

describe('origin and host policy', () => {
  it('accepts only the loopback origin of its own port', () => {
    expect(originAllowed('http://127.0.0.1:4780', 4780)).toBe(true);
    expect(originAllowed('http://localhost:4780', 4780)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4781', 4780)).toBe(false);
    expect(originAllowed('https://evil.example', 4780)).toBe(false);
    expect(originAllowed('null', 4780)).toBe(false);
  });

  it('refuses a Host header from DNS rebinding', () => {
    expect(hostAllowed('127.0.0.1:4780', 4780)).toBe(true);
    expect(hostAllowed('evil.example:4780', 4780)).toBe(false);
    expect(hostAllowed(undefined, 4780)).toBe(false);
  });
});

describe('static file resolution', () => {
  it('never leaves the renderer folder', () => {
    expect(resolveInside('/srv/app', '/index.html')).toBe('/srv/app/index.html');
    expect(resolveInside('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInside('/srv/app', '/a%00b')).toBeNull();
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});
