import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { useTestConnection } from '../../api/useConnectionMutations.js';
import { useDuplicateConnection } from '../../api/useProfileTransfer.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { Button } from '../../components/Button.js';
import { DataTag } from '../../components/DataTag.js';
import { Icon } from '../../components/Icon.js';
import { useSession } from '../session/SessionProvider.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { isInsecureProfile, profileToInput } from '../../lib/profile-input.js';
import { TestResult } from './TestResult.js';
import { useConnectionDrop } from '../copy/useConnectionDrop.js';
import { hostKeyRefusalOf } from './host-key-refusal.js';
import { ProfileHostKeyPrompt } from './ProfileHostKeyPrompt.js';

interface Props {
  profile: ConnectionProfile;
  active: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** One saved profile: name, kind, environment, read-only lock, and its actions. */
export function ConnectionItem({ profile, active, onEdit, onDelete }: Props) {
  const { t } = useTranslation('connections');
  const labels = useCoreLabels();

  const { connect, disconnect, connectingId, sessions } = useSession();
  // Open in a tab that is not the one shown: the button shows that tab rather than connecting again.
  const openElsewhere = !active && sessions.some((session) => session.profile.id === profile.id);
  const test = useTestConnection();
  const duplicate = useDuplicateConnection();
  const connecting = connectingId === profile.id;
  // A tree row dropped here is copied (or moved) to this connection.
  const drop = useConnectionDrop(profile.id);
  // Testing a saved profile: the core uses the stored secret when the password is omitted.
  const runTest = (tested: ConnectionProfile = profile) => test.mutate(profileToInput(tested));
  // A jump host nothing trusts yet asks here as it does on connect; Trust then tests again.
  const refusal = test.isError ? hostKeyRefusalOf(test.error) : null;

  return (
    <div
      className={`conn-item${active ? ' conn-item-active' : ''}${drop.dropping ? ' conn-item-drop' : ''}`}
      data-testid="connection-item"
      data-name={profile.name}
      data-env={profile.environment}
      data-active={active}
      onDoubleClick={() => !active && connect(profile)}
      {...drop.handlers}
    >
      <div className="conn-line">
        <span className="conn-env-dot" data-env={profile.environment} />
        <span className="conn-name" title={profile.name}>
          {profile.name}
        </span>
        {profile.readOnly && (
          <span
            className="badge badge-lock"
            data-testid="connection-readonly"
            title={t('connectionItem.readOnlyConnection')}
          >
            <Icon name="lock" size={11} /> {t('connectionItem.ro')}
          </span>
        )}
        {isInsecureProfile(profile) && (
          <span
            className="badge badge-insecure"
            data-testid="insecure-badge"
            title={t('connectionItem.tlsCertificateVerificationIs')}
          >
            {t('connectionItem.insecure')}
          </span>
        )}
        <DataTag className="badge" name="env" value={profile.environment} />
      </div>
      <div className="conn-sub" title={profile.endpoints.join(', ')}>
        {labels.kind(profile.kind).label} · {profile.endpoints.join(', ')}
      </div>
      <div className="conn-actions">
        {active ? (
          <Button small testId="disconnect-button" onClick={disconnect}>
            {t('connectionItem.disconnect')}
          </Button>
        ) : (
          <Button
            small
            tone="primary"
            testId="connect-button"
            data-open={openElsewhere}
            busy={connecting}
            busyLabel={t('busy.connecting')}
            onClick={() => connect(profile)}
          >
            {openElsewhere ? t('connectionItem.show') : t('connectionItem.connect')}
          </Button>
        )}
        <Button
          small
          testId="test-connection-button"
          busy={test.isPending}
          busyLabel={t('busy.testing')}
          onClick={() => runTest()}
        >
          {t('connectionItem.test')}
        </Button>
        <Button small testId="edit-connection-button" onClick={onEdit}>
          {t('connectionItem.edit')}
        </Button>
        <Button
          small
          testId="duplicate-connection-button"
          title={t('connectionItem.copyThisProfileIts')}
          busy={duplicate.isPending}
          onClick={() => duplicate.mutate(profile.id)}
        >
          {t('connectionItem.duplicate')}
        </Button>
        <Button
          small
          tone="ghost"
          testId="delete-connection-button"
          title={t('connectionItem.deleteThisProfile')}
          onClick={onDelete}
        >
          {t('connectionItem.delete')}
        </Button>
      </div>
      <TestResult mutation={test} />
      {refusal && (
        <ProfileHostKeyPrompt
          profile={profile}
          refusal={refusal}
          onTrusted={(trusted) => runTest(trusted)}
          onClose={() => test.reset()}
        />
      )}
      {duplicate.isError && <ErrorLine error={duplicate.error} testId="duplicate-connection-error" plain />}
    </div>
  );
}
