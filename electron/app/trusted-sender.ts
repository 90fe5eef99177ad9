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
 * Only the main frame of the app's own window, showing the app's own page, is trusted: not an iframe,
 * not DevTools, not a page the window was somehow navigated to.
 */
export function createTrustedSenderCheck(getMainWindow: () => WindowLike | null): TrustedSenderCheck {
  return (sender, frame) => {
    const window = getMainWindow();
    if (window === null || window.isDestroyed() || frame === null) return false;
    const contents = window.webContents;
    if (sender.isDestroyed() || sender.id !== contents.id) return false;
    return sameFrame(frame, contents.mainFrame) && isAppEntryUrl(frame.url);
  };
}
