import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { CopyEndpoint, CopyPlanView, CopyReport } from '../../../shared/model/copy.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WriteGate } from '../gate/write.gate.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import { KeptRecords } from '../compare/kept.records.js';
import { connectionSource } from '../sources/connection.source.js';
import { applyCopy } from './copy.apply.js';
import { planCopy, type CopyPlan } from './copy.plan.js';
import { copyPlanView } from './copy.view.js';

interface PlanRecord {
  plan: CopyPlan;
  source: CopyEndpoint;
  target: CopyEndpoint;
}

/** The write rule of a move's deletes in the source (the target's rule is the contract's, copy.apply). */
export const MOVE_SOURCE_RULE = { confirm: 'connection', operation: 'move' } as const;

/**
 * Copy and move of subtrees over the contract: `plan` keeps what it read (source tokens and hashes, what
 * the target holds) until `apply` writes it. The target passes the write gate as the contract's
 * `copy.apply`; a move also passes it for the source, whose keys it deletes.
 */
export class CopyService {
  private readonly plans = new KeptRecords<PlanRecord>(() => false);

  constructor(
    private readonly connections: ConnectionService,
    private readonly auditor: MutationAuditor,
    private readonly gate: WriteGate,
  ) {}

  async plan(source: CopyEndpoint, target: CopyEndpoint, overwrite: boolean): Promise<CopyPlanView> {
    const [from, to] = await this.open(source, target);
    const plan = await planCopy(from, to, overwrite);
    const planId = randomUUID();
    this.plans.add(planId, { plan, source, target });
    return copyPlanView(planId, plan, from, to);
  }

  /** What applying a plan writes, for the write gate: the target connection and root. */
  async applyTarget(planId: string, move: boolean): Promise<WriteTarget> {
    const record = this.record(planId);
    return {
      profile: await this.connections.profile(record.target.connectionId),
      path: (await connectionSource(this.connections, record.target.connectionId, record.target.path)).root,
      details: { syncId: record.plan.sync.syncId, move, nodes: record.plan.sourceKeys.length },
    };
  }

  /**
   * Applies a plan the gate admitted for the target. A move asks the gate again for the source (read-only
   * refused, prod confirmed by `sourceConfirmation`, its name) before anything is written.
   */
  async apply(
    planId: string,
    move: boolean,
    sourceConfirmation: string | undefined,
    permit: WritePermit,
  ): Promise<CopyReport> {
    const record = this.record(planId);
    const [source, target] = await this.open(record.source, record.target);
    const movePermit = move
      ? await this.gate.admit(
          MOVE_SOURCE_RULE,
          {
            profile: source.store.profile,
            path: source.root,
            details: { syncId: record.plan.sync.syncId, move: true },
          },
          sourceConfirmation,
        )
      : null;
    return applyCopy(record.plan, source, target, { permit, auditor: this.auditor, movePermit });
  }

  private open(source: CopyEndpoint, target: CopyEndpoint) {
    return Promise.all([
      connectionSource(this.connections, source.connectionId, source.path),
      connectionSource(this.connections, target.connectionId, target.path),
    ]);
  }

  private record(planId: string): PlanRecord {
    const record = this.plans.get(planId);
    if (record === undefined) throw new AppError('NOT_FOUND', 'The copy plan is gone; plan the copy again.');
    return record;
  }
}
