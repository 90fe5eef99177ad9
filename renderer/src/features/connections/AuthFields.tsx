import type { KindDescriptor } from '../../../../shared/kinds/kind.descriptor.js';
import type { ConnectionFormState } from './connection-form.model.js';

interface Props {
  form: ConnectionFormState;
  info: KindDescriptor;
  onChange: (key: 'username' | 'password', value: string) => void;
  problem: string | undefined;
  secrets: { available: boolean; reason: string | null } | undefined;
}

/**
 * Username and password, or a token alone where the store has no user name (Consul ACL token); an empty
 * secret on edit keeps the saved one. Warns when this machine cannot store secrets, before the save is
 * refused.
 */
export function AuthFields({ form, info, onChange, problem, secrets }: Props) {
  const secretName = info.passwordLabel.toLowerCase();
  return (
    <>
      <div className="field-row">
        {info.usernameLabel !== null && (
          <div className="field">
            <label htmlFor="conn-user">{info.usernameLabel}</label>
            <input
              id="conn-user"
              className="input"
              autoComplete="off"
              data-testid="conn-username"
              value={form.username}
              onChange={(e) => onChange('username', e.target.value)}
            />
            <span className="field-hint">{info.authHint}</span>
            {problem && <span className="field-error">{problem}</span>}
          </div>
        )}
        <div className="field">
          <label htmlFor="conn-password">{info.passwordLabel}</label>
          <input
            id="conn-password"
            className="input"
            type="password"
            autoComplete="new-password"
            data-testid="conn-password"
            placeholder={form.hasSavedPassword ? '(unchanged)' : ''}
            value={form.password}
            onChange={(e) => onChange('password', e.target.value)}
          />
          {info.usernameLabel === null && <span className="field-hint">{info.authHint}</span>}
          {form.hasSavedPassword && (
            <span className="field-hint">Leave empty to keep the saved {secretName}</span>
          )}
        </div>
      </div>
      {form.password !== '' && secrets && !secrets.available && (
        <div className="notice notice-warn" data-testid="secrets-unavailable">
          The {secretName} cannot be stored: {secrets.reason ?? 'secret storage is unavailable'}
        </div>
      )}
    </>
  );
}
