import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type {
  CompareOptions,
  CompareResult,
  CompareValues,
  SourceRef,
  SyncDirection,
  SyncPlanView,
  SyncResult,
} from '../../../shared/model/compare.js';
import type { ConnectionService } from '../connections/connection.service.js';
import type { EventBus } from '../events/event.bus.js';
import type { MutationAuditor } from '../nodes/mutation.auditor.js';
import type { WritePermit } from '../gate/write.permit.js';
import type { WriteTarget } from '../gate/write.target.js';
import type { Source } from '../sources/source.js';
import { diffSources } from '../sync/diff.engine.js';
import type { DiffResult } from '../sync/diff.types.js';
import { JobRegistry } from '../sync/job.registry.js';
import { applySync } from '../sync/sync.apply.js';
import { planSync } from '../sync/sync.plan.js';
import type { SyncPlan, SyncReport } from '../sync/sync.types.js';
import { reverseDiff } from './diff.reverse.js';
import { errorView, pageEntries, progressView, reportView, type EntryFilter } from './job.views.js';
import { KeptRecords } from './kept.records.js';
import { ProgressEmitter } from './progress.emitter.js';
import { openSourceRef } from './source.open.js';

interface CompareRecord {
  jobId: string;
  refs: { left: SourceRef; right: SourceRef };
  /** The opened sides (a snapshot is reused for values, plans and applies). */
  sources: { left?: Source; right?: Source };
  diff: DiffResult | null;
}

interface PlanRecord {
  plan: SyncPlan;
  source: { ref: SourceRef; loaded: Source | undefined };
  target: SourceRef;
}

interface SyncRecord {
  jobId: string;
  report: SyncReport | null;
}

/**
 * The compare and sync screens' engine over the contract: comparisons and sync applies run as
 * cancellable background jobs of this core, plans are kept between `sync.plan` and `sync.apply`, and
 * finished work is forgotten after a while (see kept.records.ts).
 */
export class CompareService {
  private readonly jobs: JobRegistry;
  private readonly compares: KeptRecords<CompareRecord>;
  private readonly syncs: KeptRecords<SyncRecord>;
  private readonly plans = new KeptRecords<PlanRecord>(() => false);

  constructor(
    private readonly connections: ConnectionService,
    private readonly auditor: MutationAuditor,
    events: EventBus,
  ) {
    this.jobs = new JobRegistry(new ProgressEmitter(events).onChange);
    const running = (record: { jobId: string }): boolean => this.jobs.get(record.jobId)?.state === 'running';
    const forget = (id: string): void => this.jobs.forget(id);
    this.compares = new KeptRecords<CompareRecord>(running, forget);
    this.syncs = new KeptRecords<SyncRecord>(running, forget);
  }

  /** Starts comparing two sources in the background. */
  start(left: SourceRef, right: SourceRef, options: CompareOptions): { jobId: string } {
    const record: CompareRecord = { jobId: '', refs: { left, right }, sources: {}, diff: null };
    const { id, result } = this.jobs.start('compare', async (job) => {
      const [l, r] = await Promise.all([
        openSourceRef(this.connections, left),
        openSourceRef(this.connections, right),
      ]);
      record.sources = { left: l, right: r };
      record.diff = await diffSources(l, r, options, job);
      return record.diff;
    });
    record.jobId = id;
    this.compares.add(id, record);
    result.catch(() => undefined).finally(() => this.compares.touch(id));
    return { jobId: id };
  }

  /** The state of a comparison and one page of its entries. */
  result(jobId: string, filter: EntryFilter): CompareResult {
    const record = this.compareRecord(jobId);
    const info = this.jobs.get(jobId);
    const done = info?.state === 'done' && record.diff !== null;
    const page = done ? pageEntries(record.diff!.entries, filter) : { total: 0, entries: [] };
    return {
      state: info?.state ?? 'failed',
      progress: progressView(info?.progress ?? null),
      summary: done ? record.diff!.summary : null,
      ...page,
      error: errorView(info?.error ?? null),
    };
  }

  /** Both current values of a compared key. */
  async values(jobId: string, path: string): Promise<CompareValues> {
    const record = this.compareRecord(jobId);
    const diff = this.finishedDiff(record);
    if (!diff.entries.some((entry) => entry.path === path)) {
      throw new AppError('NOT_FOUND', `${path} is not among the compared keys.`);
    }
    const [left, right] = await Promise.all([
      openSourceRef(this.connections, record.refs.left, record.sources.left),
      openSourceRef(this.connections, record.refs.right, record.sources.right),
    ]);
    const [l, r] = await Promise.all([left.read(path), right.read(path)]);
    return {
      leftBase64: l?.value.toString('base64') ?? null,
      rightBase64: r?.value.toString('base64') ?? null,
    };
  }

  /** Asks a running job to stop. */
  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }

  /** Plans a sync from a finished comparison into its left or right side (which must be a connection). */
  async plan(
    compareJobId: string,
    direction: SyncDirection,
    options: { delete: boolean; onlyNew: boolean },
  ): Promise<SyncPlanView> {
    const record = this.compareRecord(compareJobId);
    const diff = this.finishedDiff(record);
    const forward = direction === 'left-to-right';
    const [sourceSide, targetSide] = forward ? (['left', 'right'] as const) : (['right', 'left'] as const);
    const targetRef = record.refs[targetSide];
    if (targetRef.type === 'snapshot') {
      throw new AppError('READ_ONLY', `The snapshot file ${targetRef.file} cannot be synced into.`);
    }
    const target = await openSourceRef(this.connections, targetRef);
    const plan = await planSync(forward ? diff : reverseDiff(diff), target, options);
    const planId = randomUUID();
    this.plans.add(planId, {
      plan,
      source: { ref: record.refs[sourceSide], loaded: record.sources[sourceSide] },
      target: targetRef,
    });
    const profile = target.store!.profile;
    return {
      planId,
      target: { label: target.label, readOnly: profile.readOnly, environment: profile.environment },
      items: plan.items.map(({ path, action }) => ({ path, action })),
    };
  }

  /** What applying a plan would write, for the write gate: the target connection and the sync's root. */
  async applyTarget(planId: string, paths: string[]): Promise<WriteTarget> {
    const record = this.planRecord(planId, paths);
    const ref = record.target;
    if (ref.type === 'snapshot')
      throw new AppError('READ_ONLY', `The snapshot file ${ref.file} cannot be synced into.`);
    return {
      profile: await this.connections.profile(ref.connectionId),
      path: ref.path,
      details: { syncId: record.plan.syncId, items: paths.length },
    };
  }

  /** Applies the chosen items of a plan in the background, once the write gate admitted it. */
  async apply(planId: string, paths: string[], permit: WritePermit): Promise<{ jobId: string }> {
    const record = this.planRecord(planId, paths);
    const [source, target] = await Promise.all([
      openSourceRef(this.connections, record.source.ref, record.source.loaded),
      openSourceRef(this.connections, record.target),
    ]);
    const chosen = new Set(paths);
    const plan = {
      ...record.plan,
      items: record.plan.items.map((i) => ({ ...i, selected: chosen.has(i.path) })),
    };
    const sync: SyncRecord = { jobId: '', report: null };
    const { id, result } = this.jobs.start('sync', async (job) => {
      sync.report = await applySync(plan, source, target, { permit, auditor: this.auditor }, job);
      return sync.report;
    });
    sync.jobId = id;
    this.syncs.add(id, sync);
    result.catch(() => undefined).finally(() => this.syncs.touch(id));
    return { jobId: id };
  }

  /** The state of a sync apply and, once done, its report. */
  syncResult(jobId: string): SyncResult {
    const record = this.syncs.get(jobId);
    const info = this.jobs.get(jobId);
    if (record === undefined || info === undefined) {
      throw new AppError('NOT_FOUND', 'There is no such sync job (finished jobs are kept for 30 minutes).');
    }
    return {
      state: info.state,
      progress: progressView(info.progress),
      report: info.state === 'done' && record.report !== null ? reportView(record.report) : null,
      error: errorView(info.error),
    };
  }

  /** A kept plan and a check that `paths` are all among its items. */
  private planRecord(planId: string, paths: readonly string[]): PlanRecord {
    const record = this.plans.get(planId);
    if (record === undefined) throw new AppError('NOT_FOUND', 'The sync plan is gone; compare again.');
    const planned = new Set(record.plan.items.map((item) => item.path));
    const unknown = paths.find((path) => !planned.has(path));
    if (unknown !== undefined) throw new AppError('INVALID_INPUT', `${unknown} is not an item of the plan.`);
    return record;
  }

  private compareRecord(jobId: string): CompareRecord {
    const record = this.compares.get(jobId);
    if (record === undefined) {
      throw new AppError('NOT_FOUND', 'There is no such comparison (finished ones are kept for 30 minutes).');
    }
    return record;
  }

  private finishedDiff(record: CompareRecord): DiffResult {
    if (this.jobs.get(record.jobId)?.state !== 'done' || record.diff === null) {
      throw new AppError('INVALID_INPUT', 'The comparison has not finished successfully.');
    }
    return record.diff;
  }
}
