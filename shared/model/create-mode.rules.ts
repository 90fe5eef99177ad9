import type { NodeCapabilities } from './capabilities.js';
import type { CreateMode } from './node.js';

const MODE_NAMES = {
  ephemeral: 'ephemeral nodes',
  sequential: 'sequential nodes',
  container: 'container nodes',
  ttl: 'TTL nodes',
  leases: 'leases',
} as const;
/** A kind of node a create can ask for. */
export type CreateModeName = keyof typeof MODE_NAMES;

/**
 * Why a create mode cannot be used, as the core refuses it (code, English message) and the create dialog
 * says it (by `rule`, in the UI's language).
 */
export type CreateModeProblem =
  /** The store has no such node. */
  | { code: 'UNSUPPORTED'; rule: 'notOffered'; mode: CreateModeName; message: string }
  /** The options cannot go together. */
  | { code: 'INVALID_INPUT'; rule: 'containerAlone' | 'ephemeralWithTtl'; message: string };

/**
 * The one rule set for create modes, checked by the node service against the session's capabilities
 * before any create reaches a driver, and by the create dialog before it calls: a mode the store does not
 * offer, or options that exclude each other. Null when the mode may be used.
 */
export function createModeProblem(
  mode: CreateMode,
  capabilities: NodeCapabilities,
): CreateModeProblem | null {
  const asked = {
    ephemeral: mode.ephemeral === true,
    sequential: mode.sequential === true,
    container: mode.container === true,
    ttl: mode.ttlMs !== undefined,
    leases: mode.leaseTtlSec !== undefined,
  };
  const missing = (Object.keys(asked) as (keyof typeof asked)[]).find((m) => asked[m] && !capabilities[m]);
  if (missing !== undefined) {
    return {
      code: 'UNSUPPORTED',
      rule: 'notOffered',
      mode: missing,
      message: `This server does not offer ${MODE_NAMES[missing]}; create a plain node.`,
    };
  }
  if (asked.container && (asked.ephemeral || asked.sequential || asked.ttl)) {
    return {
      code: 'INVALID_INPUT',
      rule: 'containerAlone',
      message: 'A container node cannot also be ephemeral, sequential or have a TTL.',
    };
  }
  if (asked.ttl && asked.ephemeral) {
    return {
      code: 'INVALID_INPUT',
      rule: 'ephemeralWithTtl',
      message: 'A node cannot be both ephemeral and have a TTL.',
    };
  }
  return null;
}
