import { useState } from 'react';
import { useExportProfiles } from '../../api/useProfileTransfer.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { Field } from '../../components/Field.js';
import { TextArea, TextInput } from '../../components/TextInput.js';

/** Exports every profile as a `--connections` file: without secrets, or with passwords sealed by a passphrase. */
export function ExportProfilesDialog({ onClose }: { onClose: () => void }) {
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
          Save file
        </a>
      )}
      <Button
        tone="primary"
        testId="export-profiles-run"
        busy={exporting.isPending}
        busyLabel="Exporting…"
        onClick={() => exporting.mutate(passphrase === '' ? undefined : passphrase)}
      >
        Export
      </Button>
    </>
  );
  return (
    <Dialog title="Export profiles" onClose={onClose} footer={footer} testId="export-profiles">
      <Field
        id="export-passphrase"
        label="Passphrase (optional)"
        hint="Without one the file holds no password; with one the passwords are sealed (scrypt, AES-256-GCM)."
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
            {exporting.data.profiles} profile(s),{' '}
            {exporting.data.secrets === 0 ? 'no secrets' : `${exporting.data.secrets} sealed password(s)`}
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
