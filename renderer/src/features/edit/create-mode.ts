import type { TFunction } from 'i18next';
import type { Capabilities } from '../../../../shared/model/capabilities.js';
import { createModeProblem } from '../../../../shared/model/create-mode.rules.js';
import type { CreateMode } from '../../../../shared/model/node.js';

/** The create-mode choices as typed in the dialog (the text of the numbers is parsed here). */
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

/**
 * Why the form cannot be sent, or null: a TTL that is not a number, or options that exclude each other
 * (the shared rule the core applies too, so the dialog says what the core would).
 */
export function createModeFormProblem(
  form: CreateModeForm,
  caps: Capabilities,
  t: TFunction<'edit'>,
): string | null {
  if (caps.ttl && form.ttlMs.trim() !== '' && positiveInt(form.ttlMs) === undefined)
    return t('createModeProblem.ttl');
  if (caps.leases && form.leaseTtlSec.trim() !== '' && positiveInt(form.leaseTtlSec) === undefined)
    return t('createModeProblem.leaseTtl');
  const problem = createModeProblem(toCreateMode(form, caps), caps);
  if (problem === null) return null;
  if (problem.rule === 'notOffered')
    return t('createModeProblem.notOffered', { mode: t(`createModeProblem.mode.${problem.mode}`) });
  return t(`createModeProblem.${problem.rule}`);
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
