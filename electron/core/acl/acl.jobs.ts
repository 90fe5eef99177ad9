import { AppError } from '../../../shared/errors.js';
import type { AclRecursiveReport, AclRecursiveResult } from '../../../shared/model/acl.js';
import { errorView, progressView } from '../compare/job.views.js';
import { KeptRecords } from '../compare/kept.records.js';
import { JobRegistry } from '../sync/job.registry.js';
import type { JobContext } from '../sync/job.js';

interface JobRecord {
  jobId: string;
  report: AclRecursiveReport | null;
}

/**
 * Recursive ACL applies as cancellable jobs, kept for 30 minutes once ended. A walk stopped by a cancel
 * still leaves its report (what it changed before it stopped), and the job's state is `cancelled`.
 */
export class AclRecursiveJobs {
  private readonly jobs = new JobRegistry();
  private readonly results: KeptRecords<JobRecord>;

  constructor() {
    this.results = new KeptRecords<JobRecord>(
      (record) => this.jobs.get(record.jobId)?.state === 'running',
      (id) => this.jobs.forget(id),
    );
  }

  /** Starts the walk; `result` settles with its report (CANCELLED, after the report is kept, when stopped). */
  start(walk: (job: Required<JobContext>) => Promise<AclRecursiveReport>): {
    jobId: string;
    result: Promise<AclRecursiveReport>;
  } {
    const record: JobRecord = { jobId: '', report: null };
    const { id, result } = this.jobs.start('acl-recursive', async (context) => {
      record.report = await walk(context);
      if (record.report.stoppedBy !== null) {
        throw new AppError('CANCELLED', record.report.stoppedBy.message);
      }
      return record.report;
    });
    record.jobId = id;
    this.results.add(id, record);
    result.catch(() => undefined).finally(() => this.results.touch(id));
    return { jobId: id, result };
  }

  /** The state of a recursive apply and, once it ended, its report. */
  result(jobId: string): AclRecursiveResult {
    const record = this.results.get(jobId);
    const info = this.jobs.get(jobId);
    if (record === undefined || info === undefined) {
      throw new AppError('NOT_FOUND', 'There is no such ACL apply (finished ones are kept for 30 minutes).');
    }
    return {
      state: info.state,
      progress: progressView(info.progress),
      report: info.state === 'running' ? null : record.report,
      error: errorView(info.error),
    };
  }

  /** Asks a running apply to stop; false when it already ended. */
  cancel(jobId: string): boolean {
    return this.jobs.cancel(jobId);
  }
}
