import type { Watcher } from '../../../../shared/model/diagnostics.js';

export const WATCHER_KIND_LABELS: Record<Watcher['kind'], string> = {
  data: 'data watch',
  persistent: 'persistent watch',
  recursive: 'recursive watch (on an ancestor)',
  listener: 'config listener',
};

/** Which of the optional columns any watcher fills (a store that has no sessions shows none). */
export function filledColumns(watchers: readonly Watcher[]) {
  return {
    session: watchers.some((w) => w.sessionId !== null),
    member: watchers.some((w) => w.member !== null),
    holds: watchers.some((w) => w.holds !== null),
    current: watchers.some((w) => w.current !== null),
    detail: watchers.some((w) => w.detail !== null),
  };
}
