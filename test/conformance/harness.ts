import type { BackendDriver, BackendSession, ResolvedProfile } from '../../electron/core/backends/backend.js';
import type { ErrorCode } from '../../shared/errors.js';
import type { Capabilities } from '../../shared/model/capabilities.js';

/** Keys below a root, by path relative to it (`/a/b`), parents first; a null value is a level without one. */
export type Fixture = ReadonlyArray<readonly [relativePath: string, value: Buffer | null]>;

/** A store the suite's sessions connect to, started once per test file. */
export interface StoreUnderTest {
  /** A profile that reaches the store. */
  profile(): ResolvedProfile;
  stop(): Promise<void>;
}

/** A connect that must fail: how to make its profile, and what releases what that needed. */
export interface ConnectFailure {
  /** What the endpoint does, as the test names it ("accepts the connection and never answers"). */
  what: string;
  code: ErrorCode;
  open(): Promise<{ profile: ResolvedProfile; close(): Promise<void> }>;
}

/** Profiles of a store that asks for credentials (a server started with auth for the purpose). */
export interface CredentialProfiles {
  wrong: ResolvedProfile;
  right: ResolvedProfile;
  /** The same store without credentials, where that is refused at connect too (else null). */
  missing: ResolvedProfile | null;
  close(): Promise<void>;
}

export type CredentialsCase =
  | { refusedAtConnect: true; open(): Promise<CredentialProfiles> }
  /** The store cannot tell at connect (ZooKeeper accepts any digest login): a wrong login is let in. */
  | { refusedAtConnect: false; why: string };

/** How the suite gets a tree to work in: a fresh root in a live store, or a read-only store holding a fixture. */
export type TreeAccess =
  | {
      writable: true;
      /** An empty root no other test uses (created through `session` where the store needs it). */
      freshRoot(session: BackendSession, name: string): Promise<string>;
      /** A value size the store refuses with TOO_LARGE. */
      tooLargeBytes: number;
      /** How long a new watch needs before it sees changes (its first reads or long poll). */
      watchArmMs: number;
    }
  | {
      writable: false;
      /** A store holding the fixture under the returned root. */
      open(fixture: Fixture): Promise<{ profile: ResolvedProfile; root: string }>;
    };

/**
 * What the conformance suite needs to know of one driver: how to reach its store, and what the store
 * can hold. Where a store cannot do something, the harness says so and the suite checks the refusal.
 */
export interface DriverHarness {
  name: string;
  driver: BackendDriver;
  start(): Promise<StoreUnderTest>;
  tree: TreeAccess;
  /** What capabilitiesOf reports for a session of this store. */
  capabilities: Capabilities;
  /** The session offers a batch writer (session.batch). */
  batch: boolean;
  values: {
    /** Any bytes round trip (Nacos stores UTF-8 text only). */
    binary: boolean;
    /** An empty value can be stored (Nacos refuses). */
    empty: boolean;
  };
  /** Names may hold spaces and URL punctuation (` #?%&=+`). */
  punctuationNames: boolean;
  /** Nodes may nest below the root (Nacos: a group holds flat dataIds). */
  nestedLevels: boolean;
  connectFailures: {
    /** A server that accepts the connection and never answers. */
    unreachable: ConnectFailure;
    /** Nothing listens (a closed port). */
    refused: ConnectFailure;
    credentials: CredentialsCase;
  };
}
