import type { ReactNode } from 'react';

/** A quiet line where a list or a value will be: loading, or nothing there. */
export function StatusLine({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <div className="muted pad" data-testid={testId}>
      {children}
    </div>
  );
}
