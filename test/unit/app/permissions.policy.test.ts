import { describe, expect, it, vi } from 'vitest';
import { installPermissionPolicy, isPermissionAllowed } from '../../../electron/app/permissions.policy.js';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type CheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean;

function install() {
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  installPermissionPolicy(session as never);
  const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as RequestHandler;
  const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as CheckHandler;
  return { request, check };
}

describe('permission policy', () => {
  it('denies camera, geolocation, notifications and the like, even to the app itself', () => {
    const { request } = install();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request(null, permission, callback, { requestingUrl: 'app://configdeck/index.html' });
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
  });

  it('lets only the app page write to the clipboard ("copy path")', () => {
    const { request, check } = install();
    const granted = vi.fn();
    request(null, 'clipboard-sanitized-write', granted, { requestingUrl: 'app://configdeck/index.html' });
    expect(granted).toHaveBeenCalledWith(true);
    const foreign = vi.fn();
    request(null, 'clipboard-sanitized-write', foreign, { requestingUrl: 'https://evil.example/' });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://configdeck', {})).toBe(true);
    expect(check(null, 'media', 'app://configdeck', {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
  });

  it('treats a missing requesting URL as foreign', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });
});
