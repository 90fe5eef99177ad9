/** What a step does once its turn comes: update the stream's state and emit its events. */
export type ApplyStep = () => void;

interface Step {
  apply: ApplyStep | null;
}

/**
 * The steps of one stream in the server's order. A step's work (reading the value after an event) runs at
 * once, pipelined with the others on the one socket, but its result is applied only when every step pushed
 * before it was applied: events leave in the order the server sent their notifications, however the reads
 * finish. A step whose work fails is applied as `onFailure` says.
 */
export class OrderedSteps {
  private readonly steps: Step[] = [];
  private closed = false;

  constructor(private readonly onFailure: (error: unknown) => ApplyStep) {}

  /** Steps waiting for their work or for an earlier step. */
  get pending(): number {
    return this.steps.length;
  }

  /** Queues a step behind every step pushed before it. */
  push(work: Promise<ApplyStep>): void {
    if (this.closed) return;
    const step: Step = { apply: null };
    this.steps.push(step);
    work.then(
      (apply) => this.settle(step, apply),
      (error: unknown) => this.settle(step, this.onFailure(error)),
    );
  }

  /** Drops every waiting step: nothing is applied after this returns. */
  close(): void {
    this.closed = true;
    this.steps.length = 0;
  }

  private settle(step: Step, apply: ApplyStep): void {
    if (this.closed) return;
    step.apply = apply;
    while (!this.closed && this.steps.length > 0 && this.steps[0]!.apply !== null) {
      const next = this.steps.shift()!;
      try {
        next.apply!();
      } catch {
        // A failing step must not hold back the ones behind it.
      }
    }
  }
}
