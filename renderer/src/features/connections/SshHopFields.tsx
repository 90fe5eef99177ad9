import { useTranslation } from 'react-i18next';
import type { ComponentProps } from 'react';
import { Field } from '../../components/Field.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import type { SshAuthMethod, SshHopField, SshHopForm, SshHopProblems } from './ssh-form.model.js';

const AUTH_METHODS: SshAuthMethod[] = ['key', 'agent', 'password'];

interface Props {
  hop: SshHopForm;
  onChange: (hop: SshHopForm) => void;
  /** Prefix of the test ids and element ids: `conn-ssh` (jump host) or `conn-ssh2` (second hop). */
  prefix: string;
  problems: SshHopProblems;
  hostPlaceholder: string;
}

/**
 * One SSH hop: where it is, who logs in and how. Secrets left empty on edit keep the saved ones; the
 * trusted host key is only shown (a trust prompt sets it) and can be forgotten, so the next connect asks again.
 */
export function SshHopFields({ hop, onChange, prefix, problems, hostPlaceholder }: Props) {
  const { t } = useTranslation('connections');

  const set = <K extends keyof SshHopForm>(key: K, value: SshHopForm[K]) =>
    onChange({ ...hop, [key]: value });
  const text = (
    key: SshHopField & keyof SshHopForm,
    suffix: string,
    extra: Partial<ComponentProps<typeof TextInput>> = {},
  ) => (
    <TextInput
      id={`${prefix}-${suffix}`}
      testId={`${prefix}-${suffix}`}
      autoComplete="off"
      value={hop[key]}
      onValue={(v) => set(key, v)}
      {...extra}
    />
  );
  return (
    <>
      <div className="field-row field-row-fit">
        <Field id={`${prefix}-host`} label={t('sshHopFields.host')} error={problems.host}>
          {text('host', 'host', { placeholder: hostPlaceholder, mono: true })}
        </Field>
        <Field
          id={`${prefix}-port`}
          label={t('sshHopFields.port')}
          error={problems.port}
          style={{ flex: '0 0 80px' }}
        >
          {text('port', 'port', { inputMode: 'numeric' })}
        </Field>
        <Field
          id={`${prefix}-user`}
          label={t('sshHopFields.user')}
          error={problems.username}
          style={{ flex: '0 0 130px' }}
        >
          {text('username', 'user')}
        </Field>
      </div>
      <div className="field-row field-row-fit">
        <Field id={`${prefix}-auth`} label={t('sshHopFields.authentication')} style={{ flex: '0 0 150px' }}>
          <Select
            id={`${prefix}-auth`}
            testId={`${prefix}-auth`}
            value={hop.auth}
            onValue={(v) => set('auth', v as SshAuthMethod)}
            options={AUTH_METHODS.map((value) => ({ value, label: t(`sshHopFields.auth.${value}`) }))}
          />
        </Field>
        {hop.auth === 'key' && (
          <>
            <Field
              id={`${prefix}-key-file`}
              label={t('sshHopFields.privateKeyFile')}
              error={problems.privateKeyFile}
            >
              {text('privateKeyFile', 'key-file', {
                placeholder: t('sshHopFields.sshIdEd25519'),
                mono: true,
              })}
            </Field>
            <Field
              id={`${prefix}-passphrase`}
              label={t('sshHopFields.keyPassphrase')}
              hint={hop.hasSavedPassphrase && t('sshHopFields.emptyKeepsTheSaved')}
              style={{ flex: '0 0 150px' }}
            >
              <TextInput
                id={`${prefix}-passphrase`}
                testId={`${prefix}-passphrase`}
                type="password"
                autoComplete="new-password"
                placeholder={hop.hasSavedPassphrase ? t('sshHopFields.unchanged') : ''}
                value={hop.passphrase}
                onValue={(v) => set('passphrase', v)}
              />
            </Field>
          </>
        )}
        {hop.auth === 'agent' && (
          <span className="field-hint ssh-agent-hint" data-testid={`${prefix}-agent-hint`}>
            {t('sshHopFields.theKeysOfThe')}
          </span>
        )}
        {hop.auth === 'password' && (
          <Field
            id={`${prefix}-password`}
            label={t('sshHopFields.password')}
            error={problems.password}
            hint={hop.hasSavedPassword && t('sshHopFields.leaveEmptyToKeep')}
          >
            <TextInput
              id={`${prefix}-password`}
              testId={`${prefix}-password`}
              type="password"
              autoComplete="new-password"
              placeholder={hop.hasSavedPassword ? t('sshHopFields.unchanged') : ''}
              value={hop.password}
              onValue={(v) => set('password', v)}
            />
          </Field>
        )}
      </div>
      <div
        className="ssh-host-key"
        data-testid={`${prefix}-host-key`}
        data-trusted={hop.hostKeySha256 !== ''}
      >
        <span className="field-label">{t('sshHopFields.trustedHostKey')}</span>
        {hop.hostKeySha256 !== '' ? (
          <>
            <code className="mono ssh-fingerprint" data-testid={`${prefix}-host-key-value`}>
              {hop.hostKeySha256}
            </code>
            <button
              type="button"
              className="btn btn-sm"
              data-testid={`${prefix}-forget-host-key`}
              onClick={() => set('hostKeySha256', '')}
            >
              {t('sshHopFields.forget')}
            </button>
          </>
        ) : (
          <span className="field-hint">{t('sshHopFields.noneYetSshKnown')}</span>
        )}
      </div>
    </>
  );
}
