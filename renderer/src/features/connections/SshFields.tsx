import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Checkbox.js';
import type { SshHopName } from '../../../../shared/model/ssh.js';
import { SshHopFields } from './SshHopFields.js';
import type { SshForm, SshHopForm, SshHopProblems } from './ssh-form.model.js';
import './SshFields.css';

interface Props {
  ssh: SshForm;
  onChange: (ssh: SshForm) => void;
  problems: Partial<Record<SshHopName, SshHopProblems>>;
  secrets: { available: boolean; reason: string | null } | undefined;
}

/** Typed SSH secrets of the hops in use (a warning names them when this machine cannot store secrets). */
function typesSecret(ssh: SshForm): boolean {
  const hops: SshHopForm[] = ssh.secondEnabled ? [ssh.first, ssh.second] : [ssh.first];
  return ssh.enabled && hops.some((hop) => hop.password !== '' || hop.passphrase !== '');
}

/**
 * The jump host section of the connection form: off by default; when on, the jump host and an optional
 * second hop reached through it (the stores are reached from the last hop). Paths are read by the core.
 */
export function SshFields({ ssh, onChange, problems, secrets }: Props) {
  const { t } = useTranslation('connections');

  return (
    <fieldset className="field ssh-fieldset" data-testid="conn-ssh" data-enabled={ssh.enabled}>
      <legend className="field-label">{t('sshFields.sshJumpHostOptional')}</legend>
      <Checkbox
        testId="conn-ssh-enabled"
        checked={ssh.enabled}
        onChange={(enabled) => onChange({ ...ssh, enabled })}
      >
        {t('sshFields.connectThroughAnSsh')}
      </Checkbox>
      {ssh.enabled && (
        <>
          <SshHopFields
            hop={ssh.first}
            prefix="conn-ssh"
            hostPlaceholder="bastion.example.com"
            problems={problems.first ?? {}}
            onChange={(first) => onChange({ ...ssh, first })}
          />
          <Checkbox
            testId="conn-ssh2-enabled"
            checked={ssh.secondEnabled}
            onChange={(secondEnabled) => onChange({ ...ssh, secondEnabled })}
          >
            {t('sshFields.thenThroughASecond')}
          </Checkbox>
          {ssh.secondEnabled && (
            <div className="ssh-second-hop" data-testid="conn-ssh2">
              <SshHopFields
                hop={ssh.second}
                prefix="conn-ssh2"
                hostPlaceholder="inner.example.com"
                problems={problems.second ?? {}}
                onChange={(second) => onChange({ ...ssh, second })}
              />
            </div>
          )}
          {typesSecret(ssh) && secrets && !secrets.available && (
            <div className="notice notice-warn" data-testid="ssh-secrets-unavailable">
              {t('sshFields.theSshPasswordOr')} {secrets.reason ?? t('sshFields.secretStorageIsUnavailable')}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
