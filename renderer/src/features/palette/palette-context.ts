import { createContext, useContext } from 'react';

/** What the rest of the window can ask of the palette. */
export interface PaletteApi {
  openPalette(): void;
  showShortcuts(): void;
  /** The browser opened a node: it becomes the first recent node of its connection. */
  recordNode(connectionId: string, path: string): void;
  /** Shortcuts are shown with ⌘ and ⌥ on macOS, Ctrl and Alt elsewhere. */
  mac: boolean;
}

const noop = () => undefined;

/** Without a PaletteProvider (a view rendered alone) nothing happens. */
export const PaletteContext = createContext<PaletteApi>({
  openPalette: noop,
  showShortcuts: noop,
  recordNode: noop,
  mac: false,
});

export function usePalette(): PaletteApi {
  return useContext(PaletteContext);
}
