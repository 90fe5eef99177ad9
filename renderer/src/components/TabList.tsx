import type { ReactNode } from 'react';

interface Props<T extends string> {
  /** `nav` for the window's views, `div` for the panes of one view. */
  as: 'nav' | 'div';
  className: string;
  tabClassName: string;
  tabs: readonly T[];
  active: T;
  onSelect: (tab: T) => void;
  testIdOf: (tab: T) => string;
  labelOf: (tab: T) => ReactNode;
  /** Also mark the active tab with `data-active` (for the tests). */
  markActive?: boolean;
}

/** A row of tabs, one of them selected. */
export function TabList<T extends string>(p: Props<T>) {
  const Container = p.as;
  return (
    <Container className={p.className} role="tablist">
      {p.tabs.map((tab) => (
        <button
          key={tab}
          role="tab"
          aria-selected={p.active === tab}
          className={p.tabClassName}
          data-testid={p.testIdOf(tab)}
          data-active={p.markActive ? p.active === tab : undefined}
          onClick={() => p.onSelect(tab)}
        >
          {p.labelOf(tab)}
        </button>
      ))}
    </Container>
  );
}
