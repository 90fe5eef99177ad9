import type { Shell } from 'electron';

/** Only plain web links leave the app: no file:, javascript:, custom schemes or credentials in the URL. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const isWeb = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  return isWeb && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Opens a web link in the user's browser when it is safe to; returns whether it did. */
export function openExternalLink(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  // A failure to start a browser is not worth more than a log line: the click simply does nothing.
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Could not open ${new URL(url).origin} in the browser: ${String(error)}`);
  });
  return true;
}
