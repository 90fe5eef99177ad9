import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { useToasts } from '../../errors/ToastContext.js';
import { HostKeyDialog } from './HostKeyDialog.js';
import type { HostKeyRefusal } from './host-key-refusal.js';
import { useTrustHostKey } from './useTrustHostKey.js';

interface Props {
  profile: ConnectionProfile;
  refusal: HostKeyRefusal;
  /** Connects again with the profile as saved with the trusted key. */
  onTrusted: (profile: ConnectionProfile) => void;
  onClose: () => void;
}

/**
 * The host key prompt of a saved profile's connect: Trust stores the key with the profile in the core
 * (connections.trustHostKey), then connects again; a second hop behind it may ask in turn.
 */
export function ProfileHostKeyPrompt({ profile, refusal, onTrusted, onClose }: Props) {
  const { t } = useTranslation('connections');

  const trust = useTrustHostKey();
  const { showError } = useToasts();
  const onTrust = () =>
    trust.mutate(
      { id: profile.id, hop: refusal.details.hop, fingerprint: refusal.details.fingerprint },
      {
        onSuccess: (updated) => {
          onClose();
          onTrusted(updated);
        },
        onError: (error) =>
          showError(error, t('profileHostKeyPrompt.trustTheHostKey', { host: refusal.details.host })),
      },
    );
  return (
    <HostKeyDialog
      refusal={refusal}
      connectionName={profile.name}
      onTrust={onTrust}
      onClose={onClose}
      trusting={trust.isPending}
    />
  );
}
