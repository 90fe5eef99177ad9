import type { TFunction } from 'i18next';
import type { HostKeyDetails, SshHopName } from '../../../../shared/model/ssh.js';
import { hasCode } from '../../errors/error-messages.js';

/**
 * A connect refused over an SSH host key: `unknown` (nothing trusted yet: the user may trust the key shown)
 * or `changed` (another key than the trusted one: refused, never trusted from the prompt).
 */
export interface HostKeyRefusal {
  kind: 'unknown' | 'changed';
  details: HostKeyDetails;
}

/** The host key refusal an error carries, or null for any other failure. */
export function hostKeyRefusalOf(error: unknown): HostKeyRefusal | null {
  if (hasCode(error, 'HOST_KEY_UNKNOWN') && error.hostKey) return { kind: 'unknown', details: error.hostKey };
  if (hasCode(error, 'HOST_KEY_CHANGED') && error.hostKey) return { kind: 'changed', details: error.hostKey };
  return null;
}

/** How the UI names a hop, in its language. */
export function hopLabel(hop: SshHopName, t: TFunction<'connections'>): string {
  return hop === 'first' ? t('hostKeyDialog.hop.first') : t('hostKeyDialog.hop.second');
}
