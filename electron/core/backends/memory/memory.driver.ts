import { AppError } from '../../../../shared/errors.js';
import { KIND_DESCRIPTORS } from '../../../../shared/kinds/kinds.js';
import { PLAIN_NODES, type NodeCapabilities } from '../../../../shared/model/capabilities.js';
import type { BackendDriver, BackendSession, ResolvedProfile } from '../backend.js';
import {
  DEFAULT_BATCH_LIMITS,
  LARGEST_VALUE_BYTES,
  type MemoryDriverOptions,
  type MemoryEndpoint,
} from './memory.options.js';
import { MemorySession } from './memory.session.js';
import { MemoryTree, type TreeRules } from './memory.tree.js';

export type { MemoryDriverOptions, MemoryEndpoint } from './memory.options.js';

/** Waits out the session timeout, as a connect to a server that accepted and never answered does. */
function silence(endpoint: string, timeoutMs: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(
      () =>
        reject(
          new AppError('UNREACHABLE', `The store at ${endpoint} did not answer within ${timeoutMs} ms.`),
        ),
      timeoutMs,
    ),
  );
}

/** AUTH_FAILED unless the profile carries the endpoint's credentials (never naming the password tried). */
function authenticate(endpoint: string, config: MemoryEndpoint, profile: ResolvedProfile): void {
  const expected = config.credentials;
  if (expected === undefined) return;
  if (profile.auth === null || profile.auth.username === '') {
    throw new AppError('AUTH_FAILED', `The store at ${endpoint} requires a user name and password.`);
  }
  if (profile.auth.username !== expected.username || profile.password !== expected.password) {
    throw new AppError('AUTH_FAILED', `The store at ${endpoint} rejected the user name or password.`);
  }
}

/**
 * A real BackendDriver whose stores live in memory, one per endpoint and shared by every session that
 * connects to it: for fast tests of everything above the driver interface, and a reference the
 * conformance suite holds the real drivers to. It behaves like the store of its kind where the kind's
 * descriptor says how (a node needs its parent, or levels follow from keys) and claims only what it
 * implements (ephemeral, sequential and container nodes when switched on; no TTL, leases or ACLs).
 */
export function createMemoryDriver(options: MemoryDriverOptions): BackendDriver {
  const descriptor = KIND_DESCRIPTORS[options.kind];
  if (descriptor.readOnly) {
    throw new AppError(
      'INVALID_INPUT',
      `${descriptor.label} connections are read-only: an in-memory one could hold nothing.`,
    );
  }
  const rules: TreeRules = {
    parentsMustExist: descriptor.parentsMustExist,
    maxValueBytes: options.maxValueBytes ?? LARGEST_VALUE_BYTES,
  };
  const nodeCapabilities: NodeCapabilities = {
    ...PLAIN_NODES,
    ephemeral: options.modes?.ephemeral === true,
    sequential: options.modes?.sequential === true,
    container: options.modes?.container === true,
  };
  const batch = options.batch === false ? null : (options.batch ?? DEFAULT_BATCH_LIMITS);
  const stores = new Map<string, MemoryTree>();
  let sessions = 0;

  const storeOf = (endpoint: string): MemoryTree => {
    const existing = stores.get(endpoint);
    if (existing !== undefined) return existing;
    const created = new MemoryTree(rules);
    stores.set(endpoint, created);
    return created;
  };

  return {
    kind: options.kind,
    async connect(profile: ResolvedProfile): Promise<BackendSession> {
      if (profile.endpoints.length === 0)
        throw new AppError('INVALID_INPUT', 'A connection needs an endpoint.');
      // Like a client with several servers: the first that is up serves the session.
      for (const endpoint of profile.endpoints) {
        const config = options.endpoints?.[endpoint] ?? {};
        if (config.state === 'down') continue;
        if (config.state === 'silent') return silence(endpoint, profile.sessionTimeoutMs);
        authenticate(endpoint, config, profile);
        sessions += 1;
        return new MemorySession({
          id: sessions,
          kind: options.kind,
          tree: storeOf(endpoint),
          server: `in-memory ${descriptor.label} store ${endpoint}`,
          nodeCapabilities,
          batch,
        });
      }
      throw new AppError(
        'UNREACHABLE',
        `No store answers at ${profile.endpoints.join(', ')}: connection refused.`,
      );
    },
  };
}
