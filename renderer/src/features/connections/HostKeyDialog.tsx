import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.js';
import { hopLabel, type HostKeyRefusal } from './host-key-refusal.js';
import './HostKeyDialog.css';

interface Props {
  refusal: HostKeyRefusal;
  /** The profile being connected or tested, named in the title. */
  connectionName: string;
  /** Trusts the key shown and tries again (only offered for an unknown key). */
  onTrust: () => void;
  onClose: () => void;
  trusting?: boolean;
}

/**
 * Asks before the first connection through an SSH host whose key nothing trusts yet; refuses outright, with
 * both fingerprints, when the host presents another key than the trusted one.
 */
export function HostKeyDialog({ refusal, connectionName, onTrust, onClose, trusting = false }: Props) {
  const { t } = useTranslation('connections');

  const { details } = refusal;
  const where = `${details.host}:${details.port}`;
  if (refusal.kind === 'changed') {
    return (
      <Dialog
        title={t('hostKeyDialog.sshHostKeyChanged', { connectionName })}
        onClose={onClose}
        tone="danger"
        testId="host-key-changed-dialog"
        footer={
          <button className="btn" data-testid="host-key-close" onClick={onClose}>
            {t('hostKeyDialog.close')}
          </button>
        }
      >
        <div className="host-key-warning" data-testid="host-key-warning">
          {t('hostKeyDialog.thePresentedAnotherHost', { hopLabel: hopLabel(details.hop, t), where })}
        </div>
        <dl className="host-key-facts">
          <dt>{t('hostKeyDialog.trusted')}</dt>
          <dd className="mono" data-testid="host-key-expected">
            {details.expected ?? t('hostKeyDialog.fromSshKnownHosts')}
          </dd>
          <dt>{t('hostKeyDialog.presented', { keyType: details.keyType })}</dt>
          <dd className="mono host-key-presented" data-testid="host-key-fingerprint">
            {details.fingerprint}
          </dd>
        </dl>
        <p className="host-key-text">{t('hostKeyDialog.theHostMayHave')}</p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('hostKeyDialog.trustThisSshHost', { connectionName })}
      onClose={onClose}
      testId="host-key-dialog"
      footer={
        <>
          <button className="btn" data-testid="host-key-cancel" onClick={onClose}>
            {t('hostKeyDialog.cancel')}
          </button>
          <button
            className="btn btn-primary"
            data-testid="host-key-trust"
            disabled={trusting}
            onClick={onTrust}
          >
            {trusting ? t('hostKeyDialog.trusting') : t('hostKeyDialog.trust')}
          </button>
        </>
      }
    >
      <p className="host-key-text" data-testid="host-key-question">
        {t('hostKeyDialog.firstConnectionTo')} <strong className="mono">{where}</strong>{' '}
        {t('hostKeyDialog.itsKeyFingerprintIs', {
          hopLabel: hopLabel(details.hop, t),
          keyType: details.keyType,
        })}
      </p>
      <div className="mono host-key-fingerprint" data-testid="host-key-fingerprint">
        {details.fingerprint}
      </div>
      <p className="host-key-text">
        {t('hostKeyDialog.trustItCompareIt')}
        <span className="mono">{t('hostKeyDialog.sshKeygenLf')}</span> {t('hostKeyDialog.onItsHostKey')}
      </p>
    </Dialog>
  );
}
