import type { ConnectionFormState } from './connection-form.model.js';

interface Props {
  form: ConnectionFormState;
  onChange: (key: 'username' | 'password', value: string) => void;
  hint: string;
  problem: string | undefined;
  secrets: { available: boolean; reason: string | null } | undefined;
}

/**
 * Username and password; an empty password on edit keeps the saved one. Warns when this machine cannot
 * store secrets, before the save is refused.
 */
export function AuthFields({ form, onChange, hint, problem, secrets }: Props) {
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor="conn-user">Username</label>
          <input
            id="conn-user"
            className="input"
            autoComplete="off"
            data-testid="conn-username"
            value={form.username}
            onChange={(e) => onChange('username', e.target.value)}
          />
          <span className="field-hint">{hint}</span>
          {problem && <span className="field-error">{problem}</span>}
        </div>
        <div className="field">
          <label htmlFor="conn-password">Password</label>
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
          {form.hasSavedPassword && (
            <span className="field-hint">Leave empty to keep the saved password</span>
          )}
        </div>
      </div>
      {form.password !== '' && secrets && !secrets.available && (
        <div className="notice notice-warn" data-testid="secrets-unavailable">
          The password cannot be stored: {secrets.reason ?? 'secret storage is unavailable'}
        </div>
      )}
    </>
  );
}
