import { useTranslation } from 'react-i18next';
import { useState, type ChangeEvent } from 'react';
import type { ProfilesImportPlan } from '../../../../shared/model/profiles.js';
import { useImportProfiles, usePreviewImport } from '../../api/useProfileTransfer.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { Field } from '../../components/Field.js';
import { TextArea, TextInput } from '../../components/TextInput.js';

const SECTIONS = [
  ['added', 'Added'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
] as const;

function PlanView({ plan, testId }: { plan: ProfilesImportPlan; testId: string }) {
  return (
    <div data-testid={testId}>
      {SECTIONS.map(([key, label]) => (
        <div key={key} data-testid={`${testId}-${key}`} data-count={plan[key].length}>
          <strong>
            {label} ({plan[key].length})
          </strong>
          {plan[key].length > 0 && `: ${plan[key].join(', ')}`}
        </div>
      ))}
    </div>
  );
}

/** Imports a profiles file: its preview (added, updated, unchanged by name) first, then Import applies it. */
export function ImportProfilesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('connections');

  const [text, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const preview = usePreviewImport();
  const importing = useImportProfiles();
  const input = { text, ...(passphrase === '' ? {} : { passphrase }) };
  // A changed file or passphrase needs a new preview before it can be imported.
  const edit = (apply: () => void) => {
    apply();
    preview.reset();
    importing.reset();
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      const content = await file.text();
      edit(() => setText(content));
    }
  };
  const footer = importing.data ? (
    <Button tone="primary" testId="import-profiles-done" onClick={onClose}>
      {t('importProfilesDialog.done')}
    </Button>
  ) : (
    <>
      <Button testId="import-profiles-preview" busy={preview.isPending} onClick={() => preview.mutate(input)}>
        {t('importProfilesDialog.preview')}
      </Button>
      <Button
        tone="primary"
        testId="import-profiles-run"
        disabled={!preview.data}
        busy={importing.isPending}
        busyLabel={t('busy.importing')}
        onClick={() => importing.mutate(input)}
      >
        {t('importProfilesDialog.import')}
      </Button>
    </>
  );
  return (
    <Dialog
      title={t('importProfilesDialog.importProfiles')}
      onClose={onClose}
      footer={footer}
      testId="import-profiles"
    >
      <Field id="import-file" label={t('importProfilesDialog.profilesFileOrPaste')}>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          data-testid="import-profiles-file"
          onChange={readFile}
        />
      </Field>
      <TextArea
        testId="import-profiles-text"
        rows={8}
        mono
        value={text}
        onValue={(v) => edit(() => setText(v))}
      />
      <Field id="import-passphrase" label={t('importProfilesDialog.passphraseWhenTheFile')}>
        <TextInput
          id="import-passphrase"
          type="password"
          autoComplete="off"
          testId="import-passphrase"
          value={passphrase}
          onValue={(v) => edit(() => setPassphrase(v))}
        />
      </Field>
      {preview.isError && <ErrorLine error={preview.error} testId="import-profiles-error" plain />}
      {importing.isError && <ErrorLine error={importing.error} testId="import-profiles-error" plain />}
      {importing.data ? (
        <PlanView plan={importing.data} testId="import-profiles-applied" />
      ) : (
        preview.data && <PlanView plan={preview.data} testId="import-profiles-plan" />
      )}
    </Dialog>
  );
}
