import { isAppEntryUrl } from './app-scheme.js';

/** The parts of Electron's WebFrameMain the trust check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of Electron's WebContents the trust check reads. */
export interface ContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
}

/** The parts of Electron's BrowserWindow the trust check reads. */
export interface WindowLike {
  readonly webContents: ContentsLike;
  isDestroyed(): boolean;
}

/** Decides whether a frame of a web contents may talk to the core. */
export type TrustedSenderCheck = (sender: ContentsLike, frame: FrameLike | null) => boolean;

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  // WebFrameMain objects are cached per frame, but (process, routing id) is what identifies a frame for sure.
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

/**
 * Only the main frame of one of the app's own windows, showing the app's own page, is trusted: not an
 * iframe, not DevTools, not a page a window was somehow navigated to.
 */
export function createTrustedSenderCheck(getWindows: () => Iterable<WindowLike>): TrustedSenderCheck {
  return (sender, frame) => {
    if (frame === null || sender.isDestroyed()) return false;
    for (const window of getWindows()) {
      if (window.isDestroyed() || window.webContents.id !== sender.id) continue;
      return sameFrame(frame, window.webContents.mainFrame) && isAppEntryUrl(frame.url);
    }
    return false;
  };
}
