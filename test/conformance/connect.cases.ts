import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../electron/core/backends/capabilities.js';
import type { SuiteContext } from './context.js';
import type { CredentialProfiles } from './harness.js';
import { timedConnect } from './wait.js';

/** How much later than its session timeout a refused connect may settle (timers, process scheduling). */
const GRACE_MS = 1000;

/** Connect failures within the timeout, and the capabilities a session declares. */
export function connectCases(ctx: SuiteContext): void {
  const { harness } = ctx;
  const { unreachable, refused, credentials } = harness.connectFailures;

  describe('connect', () => {
    it('declares the capabilities the harness expects, and a batch writer exactly when it has one', () => {
      expect(capabilitiesOf(ctx.session)).toEqual(harness.capabilities);
      expect(ctx.session.batch !== undefined).toBe(harness.batch);
    });

    for (const failure of [unreachable, refused]) {
      it(`rejects an endpoint that ${failure.what} with ${failure.code} within the session timeout`, async () => {
        const { profile, close } = await failure.open();
        ctx.defer(close);
        const { error, ms } = await timedConnect(harness.driver.connect(profile));
        expect(error).toMatchObject({ code: failure.code });
        expect(ms).toBeLessThan(profile.sessionTimeoutMs + GRACE_MS);
      });
    }

    if (credentials.refusedAtConnect) {
      describe('with credentials', () => {
        // A store with auth is a server of its own: started once, before the test's clock runs.
        let profiles: CredentialProfiles | null = null;
        beforeAll(async () => {
          profiles = await credentials.open();
        });
        afterAll(async () => {
          await profiles?.close();
        });

        it('rejects wrong (and missing) credentials with AUTH_FAILED within the timeout, never naming the password, and lets the right ones in', async () => {
          const { wrong, missing, right } = profiles!;
          const refused = await timedConnect(harness.driver.connect(wrong));
          expect(refused.error).toMatchObject({ code: 'AUTH_FAILED' });
          expect(refused.ms).toBeLessThan(wrong.sessionTimeoutMs + GRACE_MS);
          expect(String((refused.error as Error).message)).not.toContain(wrong.password);
          if (missing !== null) {
            const anonymous = await timedConnect(harness.driver.connect(missing));
            expect(anonymous.error).toMatchObject({ code: 'AUTH_FAILED' });
          }
          const session = await ctx.connect(right);
          expect((await session.listChildren('/', { cursor: null, limit: 10, filter: null })).path).toBe('/');
        });
      });
    } else {
      it(`lets a wrong login in at connect (${credentials.why})`, async () => {
        const session = await ctx.connect({
          ...ctx.store.profile(),
          auth: { username: 'nobody', hasPassword: true },
          password: 'not-the-password',
        });
        expect((await session.listChildren('/', { cursor: null, limit: 10, filter: null })).path).toBe('/');
      });
    }
  });
}
