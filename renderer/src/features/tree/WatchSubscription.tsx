import { useWatchSubscription } from '../../api/useWatchSubscription.js';

/** Renders nothing; keeps a server watch alive for as long as it is mounted. */
export function WatchSubscription({
  connectionId,
  path,
  watchChildren,
}: {
  connectionId: string;
  path: string;
  watchChildren: boolean;
}) {
  useWatchSubscription(connectionId, path, watchChildren);
  return null;
}
