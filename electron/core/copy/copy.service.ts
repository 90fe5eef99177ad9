import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { CopyEndpoint, CopyPlanView, CopyReport, CopyResult } from '../../../shared/model/copy.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { WriteGate } from '../gate/write.gate.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import { errorView, progressView } from '../compare/job.views.js';
import { KeptRecords } from '../compare/kept.records.js';
import { JobRegistry } from '../sync/job.registry.js';
import { connectionSource } from '../sources/connection.source.js';
import { applyCopy } from './copy.apply.js';
import { planCopy, type CopyPlan } from './copy.plan.js';
import { copyPlanView } from './copy.view.js';
import type { PinOutcome } from '../backends/subtree.move.js';
import { moveInOneTransaction, pinForTransaction, refusedForAnotherReason } from './copy.transaction.js';
import { say } from '../../../shared/sentences/sentence-table.js';
import { COPY_SENTENCES } from '../../../shared/sentences/copy.js';

interface JobRecord {
  jobId: string;
  report: CopyReport | null;
}

interface PlanRecord {
  plan: CopyPlan;
  source: CopyEndpoint;
  target: CopyEndpoint;
  /** A move within one connection, pinned for one transaction (or why it does not fit); null otherwise. */
  pinned: PinOutcome | null;
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
  private readonly jobs = new JobRegistry();
  private readonly results: KeptRecords<JobRecord>;

  constructor(
    private readonly connections: ConnectionService,
    private readonly auditor: MutationAuditor,
    private readonly gate: WriteGate,
  ) {
    this.results = new KeptRecords<JobRecord>(
      (record) => this.jobs.get(record.jobId)?.state === 'running',
      (id) => this.jobs.forget(id),
    );
  }

  async plan(source: CopyEndpoint, target: CopyEndpoint, overwrite: boolean): Promise<CopyPlanView> {
    const [from, to] = await this.open(source, target);
    const [plan, pinned] = await Promise.all([planCopy(from, to, overwrite), pinForTransaction(from, to)]);
    const planId = randomUUID();
    this.plans.add(planId, { plan, source, target, pinned });
    return copyPlanView(planId, plan, from, to, pinned);
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
  ): Promise<{ jobId: string }> {
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
    const job: JobRecord = { jobId: '', report: null };
    const pinned = record.pinned;
    const { id, result } = this.jobs.start('copy', async (context) => {
      let methodNote = movePermit !== null && pinned?.fits === false ? pinned.reason : null;
      if (movePermit !== null && pinned?.fits === true) {
        const atomic = await moveInOneTransaction(
          pinned.subtree,
          source,
          { permit, movePermit, auditor: this.auditor, operationId: record.plan.sync.syncId },
          context,
        );
        if (!refusedForAnotherReason(atomic)) {
          job.report = atomic;
          return atomic;
        }
        methodNote = say(COPY_SENTENCES, 'transactionRefused', { message: atomic.stoppedBy!.message });
      }
      job.report = await applyCopy(
        record.plan,
        source,
        target,
        { permit, auditor: this.auditor, movePermit, methodNote },
        context,
      );
      return job.report;
    });
    job.jobId = id;
    this.results.add(id, job);
    result.catch(() => undefined).finally(() => this.results.touch(id));
    return { jobId: id };
  }

  /** The state of a copy job and, once it ended, its report. */
  result(jobId: string): CopyResult {
    const record = this.results.get(jobId);
    const info = this.jobs.get(jobId);
    if (record === undefined || info === undefined) {
      throw new AppError('NOT_FOUND', 'There is no such copy job (finished ones are kept for 30 minutes).');
    }
    return {
      state: info.state,
      progress: progressView(info.progress),
      report: info.state === 'done' ? record.report : null,
      error: errorView(info.error),
    };
  }

  /** Asks a running copy to stop; false when it already ended. */
  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
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
