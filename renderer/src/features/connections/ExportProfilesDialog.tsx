import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useExportProfiles } from '../../api/useProfileTransfer.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { Field } from '../../components/Field.js';
import { TextArea, TextInput } from '../../components/TextInput.js';

/** Exports every profile as a `--connections` file: without secrets, or with passwords sealed by a passphrase. */
export function ExportProfilesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('connections');

  const [passphrase, setPassphrase] = useState('');
  const exporting = useExportProfiles();
  const text = exporting.data?.text ?? null;
  const href = text === null ? null : `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
  const footer = (
    <>
      {href && (
        <a
          className="btn"
          href={href}
          download="configdeck-profiles.json"
          data-testid="export-profiles-download"
        >
          {t('exportProfilesDialog.saveFile')}
        </a>
      )}
      <Button
        tone="primary"
        testId="export-profiles-run"
        busy={exporting.isPending}
        busyLabel={t('busy.exporting')}
        onClick={() => exporting.mutate(passphrase === '' ? undefined : passphrase)}
      >
        {t('exportProfilesDialog.export')}
      </Button>
    </>
  );
  return (
    <Dialog
      title={t('exportProfilesDialog.exportProfiles')}
      onClose={onClose}
      footer={footer}
      testId="export-profiles"
    >
      <Field
        id="export-passphrase"
        label={t('exportProfilesDialog.passphraseOptional')}
        hint={t('exportProfilesDialog.withoutOneTheFile')}
      >
        <TextInput
          id="export-passphrase"
          type="password"
          autoComplete="new-password"
          testId="export-passphrase"
          value={passphrase}
          onValue={setPassphrase}
        />
      </Field>
      {exporting.isError && <ErrorLine error={exporting.error} testId="export-profiles-error" plain />}
      {exporting.data && (
        <>
          <div data-testid="export-profiles-summary">
            {t('exportProfilesDialog.profiles', { count: exporting.data.profiles })}{' '}
            {exporting.data.secrets === 0
              ? t('exportProfilesDialog.noSecrets')
              : t('exportProfilesDialog.sealedPasswords', { count: exporting.data.secrets })}
          </div>
          <TextArea
            testId="export-profiles-text"
            rows={10}
            mono
            readOnly
            value={text ?? ''}
            onValue={() => {}}
          />
        </>
      )}
    </Dialog>
  );
}
