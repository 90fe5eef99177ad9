import type { Watcher } from '../../../../shared/model/diagnostics.js';

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
