import type { WatchSummary } from './zookeeper.facts.js';

/** Parses `wchs`: `2 connections watching 2 paths` and `Total watches:3`; null when it is not that. */
export function parseWchs(text: string): WatchSummary | null {
  const head = /(\d+) connections watching (\d+) paths/.exec(text);
  const total = /Total watches:\s*(\d+)/.exec(text);
  if (head === null || total === null) return null;
  return { connections: Number(head[1]), paths: Number(head[2]), watches: Number(total[1]) };
}
