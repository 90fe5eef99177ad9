import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { useDeleteConnection } from '../../api/useConnectionMutations.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useSession } from '../session/SessionProvider.js';

/** Confirms removing a saved profile (the servers are not touched). */
export function DeleteConnectionDialog({
  profile,
  onClose,
}: {
  profile: ConnectionProfile;
  onClose: () => void;
}) {
  const { t } = useTranslation('connections');

  const remove = useDeleteConnection();
  const { active, disconnect } = useSession();
  const { showError } = useToasts();
  const onConfirm = () => {
    if (active?.profile.id === profile.id) disconnect();
    remove.mutate(profile.id, {
      onSuccess: onClose,
      onError: (error) =>
        showError(error, t('deleteConnectionDialog.deleteConnection', { name: profile.name })),
    });
  };
  return (
    <Dialog
      title={t('deleteConnectionDialog.deleteConnectionProfile')}
      onClose={onClose}
      testId="delete-connection-dialog"
      footer={
        <>
          <ConfirmButtons
            onCancel={onClose}
            label={t('deleteConnectionDialog.deleteProfile')}
            testId="confirm-delete-connection"
            tone="danger"
            disabled={remove.isPending}
            onConfirm={onConfirm}
          />
        </>
      }
    >
      <p style={{ margin: 0 }}>
        {t('deleteConnectionDialog.deleteTheSavedProfile')} <b>{profile.name}</b>{' '}
        {t('deleteConnectionDialog.andItsStoredPassword')}
      </p>
    </Dialog>
  );
}
