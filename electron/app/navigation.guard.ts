import type { Shell, WebContents } from 'electron';
import { isAppEntryUrl } from './app-scheme.js';
import { openExternalLink } from './external-links.js';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps a window on the app's own page: any navigation elsewhere is cancelled (web links open in the
 * browser instead) and every window.open / target=_blank is denied.
 */
export function guardNavigation(contents: GuardedContents, shell: Pick<Shell, 'openExternal'>): void {
  const stayOnApp = (event: { preventDefault(): void }, url: string): void => {
    if (isAppEntryUrl(url)) return;
    event.preventDefault();
    openExternalLink(shell, url);
  };
  contents.on('will-navigate', (details) => stayOnApp(details, details.url));
  contents.on('will-redirect', (details) => {
    if (!isAppEntryUrl(details.url)) details.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(shell, url);
    return { action: 'deny' };
  });
}

/** Baseline for every web contents the app creates (DevTools included): no <webview>, no popups. */
export function denyEmbeddedContent(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
