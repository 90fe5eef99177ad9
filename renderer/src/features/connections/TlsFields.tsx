import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Checkbox.js';
import { Field } from '../../components/Field.js';
import { TextInput } from '../../components/TextInput.js';
import type { ConnectionFormState } from './connection-form.model.js';

type TlsKey = 'caFile' | 'certFile' | 'keyFile';
const FIELDS: { key: TlsKey; testId: string }[] = [
  { key: 'caFile', testId: 'conn-tls-ca' },
  { key: 'certFile', testId: 'conn-tls-cert' },
  { key: 'keyFile', testId: 'conn-tls-key' },
];

interface Props {
  form: ConnectionFormState;
  onChange: (key: TlsKey, value: string) => void;
  /** Offer "skip certificate verification" (only where the store supports it). */
  insecureOption: boolean;
  onInsecure: (value: boolean) => void;
  /** The kind's word on reaching its servers over TLS (which port), or null. */
  hint: string | null;
}

/** Paths of the TLS files (read by the core, never by the UI), and the explicit insecure switch. */
export function TlsFields({ form, onChange, insecureOption, onInsecure, hint }: Props) {
  const { t } = useTranslation('connections');

  return (
    <fieldset
      className="field"
      style={{ border: '1px solid var(--border)', borderRadius: 4, padding: '6px 10px 10px' }}
    >
      <legend className="field-label">{t('tlsFields.tlsOptionalPathsOn')}</legend>
      {hint && (
        <span className="field-hint" data-testid="conn-tls-hint">
          {hint}
        </span>
      )}
      {FIELDS.map(({ key, testId }) => (
        <Field key={key} id={testId} label={t(`tlsFields.file.${key}`)}>
          <TextInput id={testId} testId={testId} mono value={form[key]} onValue={(v) => onChange(key, v)} />
        </Field>
      ))}
      {insecureOption && (
        <>
          <Checkbox testId="conn-insecure-tls" checked={form.insecureSkipVerify} onChange={onInsecure}>
            {t('tlsFields.skipCertificateVerificationInsecure')}
          </Checkbox>
          {form.insecureSkipVerify && (
            <div className="notice notice-danger" style={{ borderRadius: 4 }}>
              {t('tlsFields.anyoneBetweenYouAnd')}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
