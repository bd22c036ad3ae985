// A wide table that scrolls sideways on a narrow screen. The region takes focus so that keyboard users
// can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable), and is named after the table.
import type { ReactNode } from 'react';

export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
