import type { ComponentProps } from 'react';
import { Field } from '../../components/Field.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import type { SshAuthMethod, SshHopField, SshHopForm, SshHopProblems } from './ssh-form.model.js';

const AUTH_OPTIONS: { value: SshAuthMethod; label: string }[] = [
  { value: 'key', label: 'Private key file' },
  { value: 'agent', label: 'SSH agent' },
  { value: 'password', label: 'Password' },
];

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
        <Field id={`${prefix}-host`} label="Host" error={problems.host}>
          {text('host', 'host', { placeholder: hostPlaceholder, mono: true })}
        </Field>
        <Field id={`${prefix}-port`} label="Port" error={problems.port} style={{ flex: '0 0 80px' }}>
          {text('port', 'port', { inputMode: 'numeric' })}
        </Field>
        <Field id={`${prefix}-user`} label="User" error={problems.username} style={{ flex: '0 0 130px' }}>
          {text('username', 'user')}
        </Field>
      </div>
      <div className="field-row field-row-fit">
        <Field id={`${prefix}-auth`} label="Authentication" style={{ flex: '0 0 150px' }}>
          <Select
            id={`${prefix}-auth`}
            testId={`${prefix}-auth`}
            value={hop.auth}
            onValue={(v) => set('auth', v as SshAuthMethod)}
            options={AUTH_OPTIONS}
          />
        </Field>
        {hop.auth === 'key' && (
          <>
            <Field id={`${prefix}-key-file`} label="Private key file" error={problems.privateKeyFile}>
              {text('privateKeyFile', 'key-file', { placeholder: '~/.ssh/id_ed25519', mono: true })}
            </Field>
            <Field
              id={`${prefix}-passphrase`}
              label="Key passphrase"
              hint={hop.hasSavedPassphrase && 'Empty keeps the saved one'}
              style={{ flex: '0 0 150px' }}
            >
              <TextInput
                id={`${prefix}-passphrase`}
                testId={`${prefix}-passphrase`}
                type="password"
                autoComplete="new-password"
                placeholder={hop.hasSavedPassphrase ? '(unchanged)' : ''}
                value={hop.passphrase}
                onValue={(v) => set('passphrase', v)}
              />
            </Field>
          </>
        )}
        {hop.auth === 'agent' && (
          <span className="field-hint ssh-agent-hint" data-testid={`${prefix}-agent-hint`}>
            The keys of the SSH agent at SSH_AUTH_SOCK on the machine running ConfigDeck.
          </span>
        )}
        {hop.auth === 'password' && (
          <Field
            id={`${prefix}-password`}
            label="Password"
            error={problems.password}
            hint={hop.hasSavedPassword && 'Leave empty to keep the saved password'}
          >
            <TextInput
              id={`${prefix}-password`}
              testId={`${prefix}-password`}
              type="password"
              autoComplete="new-password"
              placeholder={hop.hasSavedPassword ? '(unchanged)' : ''}
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
        <span className="field-label">Trusted host key</span>
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
              Forget
            </button>
          </>
        ) : (
          <span className="field-hint">
            None yet: ~/.ssh/known_hosts decides, or the first connection asks.
          </span>
        )}
      </div>
    </>
  );
}
