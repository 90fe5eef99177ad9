import type { Capabilities } from '../../../../shared/model/capabilities.js';
import type { CreateMode } from '../../../../shared/model/node.js';

/** The create-mode choices as typed in the dialog. */
export interface CreateModeForm {
  ephemeral: boolean;
  sequential: boolean;
  container: boolean;
  ttlMs: string;
  leaseTtlSec: string;
}

export const EMPTY_CREATE_MODE: CreateModeForm = {
  ephemeral: false,
  sequential: false,
  container: false,
  ttlMs: '',
  leaseTtlSec: '',
};

function positiveInt(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Why the chosen options cannot be combined, or null. */
export function createModeProblem(form: CreateModeForm): string | null {
  if (form.container && (form.ephemeral || form.sequential))
    return 'A container node cannot be ephemeral or sequential';
  if (form.ttlMs.trim() !== '' && positiveInt(form.ttlMs) === undefined)
    return 'TTL must be a positive number of milliseconds';
  if (form.ttlMs.trim() !== '' && (form.ephemeral || form.container))
    return 'A TTL node cannot be ephemeral or a container';
  if (form.leaseTtlSec.trim() !== '' && positiveInt(form.leaseTtlSec) === undefined)
    return 'Lease TTL must be a positive number of seconds';
  return null;
}

/** The node.create mode, keeping only what the backend's capabilities allow. */
export function toCreateMode(form: CreateModeForm, caps: Capabilities): CreateMode {
  const ttlMs = caps.ttl ? positiveInt(form.ttlMs) : undefined;
  const leaseTtlSec = caps.leases ? positiveInt(form.leaseTtlSec) : undefined;
  return {
    ephemeral: caps.ephemeral && form.ephemeral,
    sequential: caps.sequential && form.sequential,
    container: caps.container && form.container,
    ...(ttlMs !== undefined ? { ttlMs } : {}),
    ...(leaseTtlSec !== undefined ? { leaseTtlSec } : {}),
  };
}
