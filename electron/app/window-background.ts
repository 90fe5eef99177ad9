/**
 * The page background of each theme (`--bg` in renderer/src/styles/themes.css; a unit test keeps them
 * equal): the window is painted in it before the page's first paint, so a dark desktop never sees a white
 * flash while the console loads.
 */
export const WINDOW_BACKGROUNDS = { dark: '#111418', light: '#f3f5f8' } as const;

/** The background for the OS's scheme (nativeTheme.shouldUseDarkColors), which the console follows by default. */
export function windowBackground(dark: boolean): string {
  return dark ? WINDOW_BACKGROUNDS.dark : WINDOW_BACKGROUNDS.light;
}
