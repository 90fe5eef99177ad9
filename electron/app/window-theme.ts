import { IPC_THEME_CHANNEL } from '../../shared/contract/wire.js';
import { themePreferenceSchema, type ThemePreference } from '../../shared/model/preferences.js';
import type { ContentsLike, FrameLike, TrustedSenderCheck } from './trusted-sender.js';
import { windowBackground } from './window-background.js';

/** The parts of Electron's nativeTheme the shell uses. */
export interface NativeThemeLike {
  themeSource: ThemePreference;
  readonly shouldUseDarkColors: boolean;
  on(event: 'updated', listener: () => void): unknown;
  removeListener(event: 'updated', listener: () => void): unknown;
}

/** The parts of Electron's IpcMainEvent the shell reads. */
export interface ThemeChoiceEvent {
  readonly sender: ContentsLike;
  readonly senderFrame: FrameLike | null;
}

type ThemeChoiceListener = (event: ThemeChoiceEvent, ...args: unknown[]) => void;

/** The parts of Electron's ipcMain the shell uses for one-way messages. */
export interface IpcMainOnLike {
  on(channel: string, listener: ThemeChoiceListener): unknown;
  removeListener(channel: string, listener: ThemeChoiceListener): unknown;
}

/** The parts of a BrowserWindow whose background follows the theme. */
export interface PaintableWindow {
  setBackgroundColor(color: string): void;
  isDestroyed(): boolean;
}

export interface WindowThemeOptions {
  ipcMain: IpcMainOnLike;
  nativeTheme: NativeThemeLike;
  windows: () => Iterable<PaintableWindow>;
  isTrustedSender: TrustedSenderCheck;
}

/**
 * Makes the desktop follow the theme chosen in the console's settings, not only the OS scheme: the
 * renderer sends its choice on IPC_THEME_CHANNEL; it becomes nativeTheme.themeSource (native menus,
 * dialogs and the title bar follow it, and new windows open in its colour), and every window's background
 * (what shows while a page loads or a window resizes) is painted in it. With `system`, a change of the OS
 * scheme repaints too. Returns the function that stops following.
 */
export function followThemeChoice({
  ipcMain,
  nativeTheme,
  windows,
  isTrustedSender,
}: WindowThemeOptions): () => void {
  const repaint = (): void => {
    const color = windowBackground(nativeTheme.shouldUseDarkColors);
    for (const window of windows()) if (!window.isDestroyed()) window.setBackgroundColor(color);
  };
  const onChoice: ThemeChoiceListener = (event, choice) => {
    // Only the app's own page chooses; anything else (a stray frame, a malformed value) is ignored.
    if (!isTrustedSender(event.sender, event.senderFrame)) return;
    const parsed = themePreferenceSchema.safeParse(choice);
    if (!parsed.success) return;
    if (nativeTheme.themeSource !== parsed.data) nativeTheme.themeSource = parsed.data;
    repaint();
  };
  ipcMain.on(IPC_THEME_CHANNEL, onChoice);
  nativeTheme.on('updated', repaint);
  return () => {
    ipcMain.removeListener(IPC_THEME_CHANNEL, onChoice);
    nativeTheme.removeListener('updated', repaint);
  };
}
