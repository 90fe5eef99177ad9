/**
 * Runs async tasks one after another, in the order they were queued. Stores that read-modify-write a file
 * (or append to one) use it so concurrent callers never interleave; each store keeps its own queue.
 */
export class SerialQueue {
  private last: Promise<unknown> = Promise.resolve();

  /** Queues `task` behind every task queued before it; resolves or rejects with the task's own outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.last.then(task, task);
    // A failed task must not poison the tasks queued after it.
    this.last = result.catch(() => undefined);
    return result;
  }
}
