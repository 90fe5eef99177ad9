import type { BackendSession, ResolvedProfile } from '../../electron/core/backends/backend.js';
import { KIND_DESCRIPTORS } from '../../shared/kinds/kinds.js';
import { childPath } from '../../shared/paths.js';
import type { DriverHarness, Fixture, StoreUnderTest } from './harness.js';

export const PLAIN = { ephemeral: false, sequential: false, container: false } as const;

/** A tree the suite reads: its session, its root, and how many nodes below the root were made for it. */
export interface Seeded {
  session: BackendSession;
  root: string;
  /** Nodes the fixture put at or below `relative` (`/`: all; levels count only where nodes need parents). */
  nodesUnder(relative: string): number;
}

/** `root` + `/a/b` → the absolute path. */
export function under(root: string, relative: string): string {
  return childPath(root, relative.slice(1));
}

/**
 * The state one run of the suite shares between its cases: the store, two sessions on it (the second is
 * "someone else"), fresh roots, and what each test opened, closed after it.
 */
export class SuiteContext {
  readonly parentsMustExist: boolean;
  private opened: { store: StoreUnderTest; session: BackendSession; other: BackendSession } | null = null;
  private cleanups: Array<() => Promise<unknown>> = [];
  private roots = 0;

  constructor(readonly harness: DriverHarness) {
    this.parentsMustExist = KIND_DESCRIPTORS[harness.driver.kind].parentsMustExist;
  }

  async open(): Promise<void> {
    const store = await this.harness.start();
    const [session, other] = await Promise.all([
      this.harness.driver.connect(store.profile()),
      this.harness.driver.connect(store.profile()),
    ]);
    this.opened = { store, session, other };
  }

  get store(): StoreUnderTest {
    return this.live().store;
  }

  /** The session the cases work through. */
  get session(): BackendSession {
    return this.live().session;
  }

  /** A second session on the same store: another client changing things. */
  get other(): BackendSession {
    return this.live().other;
  }

  /** Runs `close` after the current test, whatever its outcome. */
  defer(close: () => Promise<unknown>): void {
    this.cleanups.push(close);
  }

  /** A new session, closed after the test. */
  async connect(profile: ResolvedProfile = this.store.profile()): Promise<BackendSession> {
    const session = await this.harness.driver.connect(profile);
    this.defer(() => session.close());
    return session;
  }

  /** An empty root for one test of a writable store. */
  async freshRoot(): Promise<string> {
    if (!this.harness.tree.writable)
      throw new Error(`${this.harness.name} is read-only: it has no fresh roots`);
    this.roots += 1;
    return this.harness.tree.freshRoot(this.session, `conformance-${this.roots}`);
  }

  /** A tree holding the fixture: written through the session, or opened from a read-only store. */
  async seed(fixture: Fixture): Promise<Seeded> {
    const made = fixture.filter(([, value]) => value !== null || this.parentsMustExist).map(([path]) => path);
    const nodesUnder = (relative: string): number =>
      made.filter((path) => relative === '/' || path === relative || path.startsWith(`${relative}/`)).length;
    const { tree } = this.harness;
    if (!tree.writable) {
      const { profile, root } = await tree.open(fixture);
      return { session: await this.connect(profile), root, nodesUnder };
    }
    const root = await this.freshRoot();
    for (const [relative, value] of fixture) {
      if (value === null && !this.parentsMustExist) continue;
      await this.session.create(under(root, relative), value ?? Buffer.alloc(0), PLAIN);
    }
    return { session: this.session, root, nodesUnder };
  }

  /** Closes what the test opened. */
  async cleanup(): Promise<void> {
    const cleanups = this.cleanups.reverse();
    this.cleanups = [];
    for (const close of cleanups) await close().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.cleanup();
    if (this.opened === null) return;
    const { store, session, other } = this.opened;
    this.opened = null;
    await Promise.all([session.close(), other.close()]);
    await store.stop();
  }

  private live(): NonNullable<SuiteContext['opened']> {
    if (this.opened === null) throw new Error(`the store of ${this.harness.name} did not start`);
    return this.opened;
  }
}
