import { useTranslation } from 'react-i18next';
import type { KindDescriptor } from '../../../../shared/kinds/kind.descriptor.js';
import { Field } from '../../components/Field.js';
import { TextInput } from '../../components/TextInput.js';
import type { ConnectionFormState } from './connection-form.model.js';

interface Props {
  form: ConnectionFormState;
  info: KindDescriptor;
  onChange: (key: 'username' | 'password', value: string) => void;
  problem: string | undefined;
  secrets: { available: boolean; reason: string | null } | undefined;
}

/** A label as a word inside a sentence: "Password" → "password", while "ACL token" keeps its acronym. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/**
 * Username and password, or a token alone where the store has no user name (Consul ACL token); an empty
 * secret on edit keeps the saved one. The kind's note names logins it does not speak, where one looks for
 * them. Warns when this machine cannot store secrets, before the save is
 * refused.
 */
export function AuthFields({ form, info, onChange, problem, secrets }: Props) {
  const { t } = useTranslation('connections');

  const secretName = inSentence(info.passwordLabel);
  return (
    <>
      {/* One block, so the kind's note sits under the credentials as closely as their hints do. */}
      <div className="field">
        <div className="field-row">
          {info.usernameLabel !== null && (
            <Field id="conn-user" label={info.usernameLabel} hint={info.authHint} error={problem}>
              <TextInput
                id="conn-user"
                testId="conn-username"
                autoComplete="off"
                value={form.username}
                onValue={(v) => onChange('username', v)}
              />
            </Field>
          )}
          <Field
            id="conn-password"
            label={info.passwordLabel}
            hint={[
              info.usernameLabel === null && info.authHint,
              form.hasSavedPassword && t('authFields.leaveEmptyToKeep', { secretName }),
            ]}
          >
            <TextInput
              id="conn-password"
              testId="conn-password"
              type="password"
              autoComplete="new-password"
              placeholder={form.hasSavedPassword ? t('authFields.unchanged') : ''}
              value={form.password}
              onValue={(v) => onChange('password', v)}
            />
          </Field>
        </div>
        {info.authNote && (
          <span className="field-hint" data-testid="conn-auth-note">
            {info.authNote}
          </span>
        )}
      </div>
      {form.password !== '' && secrets && !secrets.available && (
        <div className="notice notice-warn" data-testid="secrets-unavailable">
          {t('authFields.theCannotBeStored', { secretName })}{' '}
          {secrets.reason ?? t('authFields.secretStorageIsUnavailable')}
        </div>
      )}
    </>
  );
}
