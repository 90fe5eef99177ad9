const STORAGE_KEY = 'configdeck.token';

/**
 * The browser-mode access token: taken from `?token=` once, kept in sessionStorage (so a reload keeps
 * working) and removed from the visible URL so it is not shoulder-surfed, bookmarked or shared.
 */
export function takeAccessToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}
