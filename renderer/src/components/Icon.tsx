// Small inline SVG icons: no icon font or external asset is needed (and none may be loaded).
const PATHS = {
  lock: 'M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z',
  copy: 'M5 2h7v9H5V2zm1 1v7h5V3H6zM3 5h1v7h6v1H3V5z',
  refresh:
    'M8 3a5 5 0 1 0 4.9 6h-1.5A3.5 3.5 0 1 1 8 4.5c.9 0 1.8.4 2.4 1L8.5 7.4H13V3l-1.5 1.5A5 5 0 0 0 8 3z',
  chevronRight: 'M6 4l4 4-4 4-1-1 3-3-3-3 1-1z',
  chevronDown: 'M4 6l4 4 4-4-1-1-3 3-3-3-1 1z',
  folder: 'M2 4h4l1.5 1.5H14V13H2V4z',
  file: 'M4 2h5l3 3v9H4V2zm5 1v3h3',
  plus: 'M7.25 3h1.5v4.25H13v1.5H8.75V13h-1.5V8.75H3v-1.5h4.25V3z',
  trash: 'M6 2h4v1h3v1.5H3V3h3V2zm-2 4h8l-.6 8H4.6L4 6z',
  save: 'M3 2h8l2 2v10H3V2zm2 1v3h5V3H5zm0 6v4h6V9H5z',
  // A gear: eight teeth round a ring.
  gear: 'M7 1h2l.3 1.8 1.2.5 1.5-1.1 1.4 1.4-1.1 1.5.5 1.2L15 7v2l-1.8.3-.5 1.2 1.1 1.5-1.4 1.4-1.5-1.1-1.2.5L9 15H7l-.3-1.8-1.2-.5-1.5 1.1-1.4-1.4 1.1-1.5-.5-1.2L1 9V7l1.8-.3.5-1.2-1.1-1.5 1.4-1.4 1.5 1.1 1.2-.5L7 1zm1 4.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
} as const;

export type IconName = keyof typeof PATHS;

/** A 16×16 monochrome icon drawn in the current text colour. */
export function Icon({ name, size = 14, title }: { name: IconName; size?: number; title?: string }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="currentColor"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
    >
      {title && <title>{title}</title>}
      <path d={PATHS[name]} fillRule="evenodd" />
    </svg>
  );
}
