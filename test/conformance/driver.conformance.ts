import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { batchCases } from './batch.cases.js';
import { childrenCases } from './children.cases.js';
import { connectCases } from './connect.cases.js';
import { SuiteContext } from './context.js';
import type { DriverHarness } from './harness.js';
import { modeCases } from './modes.cases.js';
import { readOnlyCases } from './read-only.cases.js';
import { valueCases } from './values.cases.js';
import { watchCases } from './watch.cases.js';
import { streamCases } from './stream.cases.js';
import { writeCases } from './writes.cases.js';

export type { DriverHarness } from './harness.js';

/**
 * The one conformance suite every driver runs: what the BackendSession interface promises, held to
 * against the driver's real store (its harness says how to reach it and what it can hold). A store that
 * cannot do something shows that it refuses it cleanly; nothing is skipped.
 */
export function describeDriverConformance(harness: DriverHarness): void {
  describe(`driver conformance: ${harness.name}`, () => {
    const ctx = new SuiteContext(harness);
    beforeAll(() => ctx.open());
    afterEach(() => ctx.cleanup());
    afterAll(() => ctx.close());

    connectCases(ctx);
    valueCases(ctx);
    childrenCases(ctx);
    if (harness.tree.writable) {
      writeCases(ctx, harness.tree);
      modeCases(ctx);
      watchCases(ctx, harness.tree);
      if (harness.capabilities.eventStreams) streamCases(ctx, harness.tree);
      batchCases(ctx);
    } else {
      readOnlyCases(ctx, harness.tree);
    }
  });
}
