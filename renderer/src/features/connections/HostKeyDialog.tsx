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
  const { details } = refusal;
  const where = `${details.host}:${details.port}`;
  if (refusal.kind === 'changed') {
    return (
      <Dialog
        title={`SSH host key changed: ${connectionName}`}
        onClose={onClose}
        tone="danger"
        testId="host-key-changed-dialog"
        footer={
          <button className="btn" data-testid="host-key-close" onClick={onClose}>
            Close
          </button>
        }
      >
        <div className="host-key-warning" data-testid="host-key-warning">
          The {hopLabel(details.hop)} {where} presented another host key than the trusted one. The connection
          was refused and nothing was sent.
        </div>
        <dl className="host-key-facts">
          <dt>Trusted</dt>
          <dd className="mono" data-testid="host-key-expected">
            {details.expected ?? '(from ~/.ssh/known_hosts)'}
          </dd>
          <dt>Presented ({details.keyType})</dt>
          <dd className="mono host-key-presented" data-testid="host-key-fingerprint">
            {details.fingerprint}
          </dd>
        </dl>
        <p className="host-key-text">
          The host may have been reinstalled, or someone is in between. Verify the new fingerprint with the
          host&apos;s administrator. Only if the change is legitimate: edit the connection, Forget the trusted
          key of this hop (or remove the host from ~/.ssh/known_hosts), and connect again to trust the new
          one.
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={`Trust this SSH host? ${connectionName}`}
      onClose={onClose}
      testId="host-key-dialog"
      footer={
        <>
          <button className="btn" data-testid="host-key-cancel" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            data-testid="host-key-trust"
            disabled={trusting}
            onClick={onTrust}
          >
            {trusting ? 'Trusting…' : 'Trust'}
          </button>
        </>
      }
    >
      <p className="host-key-text" data-testid="host-key-question">
        First connection to <strong className="mono">{where}</strong> ({hopLabel(details.hop)}). Its{' '}
        {details.keyType} key fingerprint is
      </p>
      <div className="mono host-key-fingerprint" data-testid="host-key-fingerprint">
        {details.fingerprint}
      </div>
      <p className="host-key-text">
        Trust it? Compare it with the fingerprint the host&apos;s administrator gives (
        <span className="mono">ssh-keygen -lf</span> on its host key). Once trusted it is kept with the
        profile, and a different key is refused.
      </p>
    </Dialog>
  );
}
