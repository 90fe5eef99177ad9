import type { Etcd3, ICompare, IRangeRequest, IRangeResponse, IRequestOp, ITxnResponse } from 'etcd3';
import { AppError } from '../../../../shared/errors.js';
import { toAppError } from './etcd.errors.js';
import type { DerivedConnectionState } from '../derived-connection.state.js';
import type { KeyRange } from './etcd.paths.js';

/** etcd's default --max-txn-ops is 128; stay well below so a tuned-down server still accepts our batches. */
const TXN_OPS_PER_REQUEST = 64;
/** Read-only transactions sent at once when a page needs many counts. */
const TXN_WINDOW = 4;

/**
 * The etcd client of one session: every call carries the session deadline (gRPC deadline plus a
 * timer, so a stuck call can never outlive it), failures become AppErrors, and reachability feeds
 * the connection state.
 */
export class EtcdRpc {
  constructor(
    readonly client: Etcd3,
    readonly timeoutMs: number,
    readonly state: DerivedConnectionState,
  ) {}

  /** Runs one etcd call under the session deadline; `what` names it in error messages. */
  async call<T>(what: string, run: (client: Etcd3) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('TIMEOUT', `${what}: etcd did not answer within ${this.timeoutMs} ms.`)),
        this.timeoutMs,
      );
    });
    try {
      const result = await Promise.race([run(this.client), deadline]);
      this.state.reachable();
      return result;
    } catch (error) {
      const appError = toAppError(error, what);
      if (appError.code === 'UNREACHABLE' || appError.code === 'TIMEOUT')
        this.state.unreachable(appError.message);
      else if (appError.code !== 'NOT_CONNECTED') this.state.reachable();
      throw appError;
    } finally {
      clearTimeout(timer);
    }
  }

  /** One range request. */
  range(what: string, request: IRangeRequest): Promise<IRangeResponse> {
    return this.call(what, (client) => client.kv.range(request));
  }

  /** One transaction. */
  txn(
    what: string,
    compare: ICompare[],
    success: IRequestOp[],
    failure: IRequestOp[] = [],
  ): Promise<ITxnResponse> {
    return this.call(what, (client) => client.kv.txn({ compare, success, failure }));
  }

  /** Counts the keys of many ranges with few round trips (read-only transactions, bounded window). */
  async countMany(what: string, ranges: KeyRange[]): Promise<number[]> {
    const chunks: KeyRange[][] = [];
    for (let i = 0; i < ranges.length; i += TXN_OPS_PER_REQUEST)
      chunks.push(ranges.slice(i, i + TXN_OPS_PER_REQUEST));
    const counts: number[][] = new Array<number[]>(chunks.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < chunks.length) {
        const index = next++;
        const ops = chunks[index]!.map((range): IRequestOp => ({ request_range: countRequest(range) }));
        const response = await this.txn(what, [], ops);
        counts[index] = response.responses.map((r) => Number(r.response_range.count));
      }
    };
    await Promise.all(Array.from({ length: Math.min(TXN_WINDOW, chunks.length) }, worker));
    return counts.flat();
  }
}

/** A count-only range request over `range`. */
export function countRequest(range: KeyRange): IRangeRequest {
  return { key: range.start, range_end: range.end, count_only: true };
}
