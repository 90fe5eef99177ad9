import { COPY_PATHS_SHOWN, type CopyPlanView } from '../../../shared/model/copy.js';
import type { Source } from '../sources/source.js';
import type { PinOutcome } from '../backends/subtree.move.js';
import type { CopyPlan } from './copy.plan.js';
import { carryOf } from './copy.carry.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';

/** The note beside skipped ephemeral nodes, or null when there are none. */
function ephemeralNote(count: number): string | null {
  if (count === 0) return null;
  return say(COPY_SENTENCES, 'ephemeralNotCopied', { count });
}

/** What the preview shows of a plan. */
export function copyPlanView(
  planId: string,
  plan: CopyPlan,
  source: Source,
  target: Source,
  pinned: PinOutcome | null = null,
): CopyPlanView {
  const profile = target.store!.profile;
  const creates = plan.sync.items.filter((item) => item.action === 'create').length;
  const fills = plan.sync.items.filter(
    (item) => item.action === 'update' && !plan.existing.includes(item.path),
  );
  const rootCreate = plan.root !== null && !plan.root.targetExists ? 1 : 0;
  const rootFill = plan.root?.targetExists && plan.root.targetIsFolder && !plan.root.identical ? 1 : 0;
  return {
    planId,
    source: source.label,
    target: { label: target.label, readOnly: profile.readOnly, environment: profile.environment },
    overwrite: plan.overwrite,
    nodes: plan.sourceKeys.length,
    create: creates + fills.length + rootCreate + rootFill,
    existing: {
      total: plan.existing.length,
      overwritten: plan.overwrite ? plan.existing.length : 0,
      paths: plan.existing.slice(0, COPY_PATHS_SHOWN),
    },
    identical: plan.identical,
    ephemeral: {
      count: plan.ephemeral.length,
      paths: plan.ephemeral.slice(0, COPY_PATHS_SHOWN),
      note: ephemeralNote(plan.ephemeral.length),
    },
    carry: carryOf(source, target),
    atomicMove:
      pinned === null
        ? null
        : pinned.fits
          ? {
              fits: true,
              note: say(COPY_SENTENCES, 'moveInOneTransaction', {
                operations: pinned.subtree.nodes.length * 2,
              }),
            }
          : {
              fits: false,
              note: say(COPY_SENTENCES, 'moveCopiesVerifiesDeletes', { reason: pinned.reason }),
            },
  };
}
