import type { SourceRef } from '../../../../shared/model/compare.js';

/** A comparison asked for from the tab strip: the Compare view fills its pickers with it and starts. */
export interface CompareRequest {
  left: SourceRef;
  right: SourceRef;
}

/** One "Compare with…" entry of a tab's menu. */
export interface TabCompareChoice {
  key: string;
  otherId: string;
  /** Same path on both sides, or each tab's own selected node. */
  kind: 'samePath' | 'selected';
  path: string;
  otherPath: string;
  request: CompareRequest;
}

const side = (connectionId: string, path: string): SourceRef => ({ type: 'connection', connectionId, path });

/**
 * What a tab can be compared with: each other open tab at the same path (this tab's selected node, else the
 * root), and at that tab's own selected node when it differs.
 */
export function compareChoices(
  tabId: string,
  otherIds: readonly string[],
  selectedOf: (connectionId: string) => string | null,
): TabCompareChoice[] {
  const path = selectedOf(tabId) ?? '/';
  return otherIds
    .filter((otherId) => otherId !== tabId)
    .flatMap((otherId) => {
      const otherPath = selectedOf(otherId);
      const same: TabCompareChoice = {
        key: `${otherId}:same`,
        otherId,
        kind: 'samePath',
        path,
        otherPath: path,
        request: { left: side(tabId, path), right: side(otherId, path) },
      };
      if (otherPath === null || otherPath === path) return [same];
      return [
        same,
        {
          key: `${otherId}:selected`,
          otherId,
          kind: 'selected',
          path,
          otherPath,
          request: { left: side(tabId, path), right: side(otherId, otherPath) },
        },
      ];
    });
}
