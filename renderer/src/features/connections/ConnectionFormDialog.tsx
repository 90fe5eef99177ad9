import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import {
  BACKEND_KINDS,
  ENVIRONMENTS,
  type BackendKind,
  type Environment,
} from '../../../../shared/model/connection.js';
import { useAppInfo } from '../../api/useAppInfo.js';
import { useSaveConnection, useTestConnection } from '../../api/useConnectionMutations.js';
import { Checkbox } from '../../components/Checkbox.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Select } from '../../components/Select.js';
import { TextArea, TextInput } from '../../components/TextInput.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import {
  canTunnel,
  formProblems,
  formToInput,
  sshHopProblemsOf,
  type ConnectionFormState,
} from './connection-form.model.js';
import { hostKeyRefusalOf, type HostKeyRefusal } from './host-key-refusal.js';
import { withHostKey } from './ssh-form.model.js';
import { FolderField } from './FolderField.js';
import { HostKeyDialog } from './HostKeyDialog.js';
import { SshFields } from './SshFields.js';
import './ConnectionFormDialog.css';
import { TestResult } from './TestResult.js';
import { AuthFields } from './AuthFields.js';
import { KindFields } from './KindFields.js';
import { TlsFields } from './TlsFields.js';

const ENVIRONMENT_OPTIONS = ENVIRONMENTS.map((env) => ({ value: env, label: env }));

/** New / edit connection profile form; Test tries the typed profile without saving it. */
export function ConnectionFormDialog({
  initial,
  onClose,
}: {
  initial: ConnectionFormState;
  onClose: () => void;
}) {
  const { t } = useTranslation('connections');

  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState(false);
  // A Test refused over an SSH host key: Trust puts the key into the form (saved with it) and tests again.
  const [refusal, setRefusal] = useState<HostKeyRefusal | null>(null);
  const save = useSaveConnection();
  const test = useTestConnection();
  const secrets = useAppInfo().data?.secrets;
  const { showError } = useToasts();
  const labels = useCoreLabels();
  const info = labels.kind(form.kind);
  const kindOptions = BACKEND_KINDS.map((kind) => ({ value: kind, label: labels.kind(kind).label }));
  const problems = formProblems(form, t);
  const valid = Object.keys(problems).length === 0;
  const shown = touched ? problems : {};
  const set = <K extends keyof ConnectionFormState>(key: K, value: ConnectionFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const onSave = () => {
    setTouched(true);
    if (!valid) return;
    save.mutate(formToInput(form, info), {
      onSuccess: onClose,
      onError: (error) => showError(error, t('connectionFormDialog.saveConnection', { name: form.name })),
    });
  };
  const runTest = (typed: ConnectionFormState) =>
    test.mutate(formToInput(typed), {
      onError: (error) => setRefusal(hostKeyRefusalOf(error)),
    });
  const onTest = () => {
    setTouched(true);
    if (valid) runTest(form);
  };
  const onTrust = (trusted: HostKeyRefusal) => {
    const next = { ...form, ssh: withHostKey(form.ssh, trusted.details.hop, trusted.details.fingerprint) };
    setForm(next);
    setRefusal(null);
    runTest(next);
  };

  const footer = (
    <>
      <button className="btn" data-testid="conn-test" onClick={onTest} disabled={test.isPending}>
        {test.isPending ? t('connectionFormDialog.testing') : t('connectionFormDialog.test')}
      </button>
      <TestResult mutation={test} />
      <span className="spacer" />
      <ConfirmButtons
        onCancel={onClose}
        cancelTestId="conn-cancel"
        label={t('connectionFormDialog.save')}
        testId="conn-save"
        tone="primary"
        disabled={save.isPending}
        onConfirm={onSave}
      />
    </>
  );

  return (
    <>
      <Dialog
        title={
          form.id
            ? t('connectionFormDialog.edit', { name: initial.name })
            : t('connectionFormDialog.newConnection')
        }
        onClose={onClose}
        footer={footer}
        testId="connection-form"
      >
        <div className="field-row">
          <Field id="conn-name" label={t('connectionFormDialog.name')} error={shown.name}>
            <TextInput id="conn-name" testId="conn-name" value={form.name} onValue={(v) => set('name', v)} />
          </Field>
          <Field id="conn-kind" label={t('connectionFormDialog.kind')} style={{ flex: '0 0 130px' }}>
            <Select
              id="conn-kind"
              testId="conn-kind"
              value={form.kind}
              onValue={(v) => set('kind', v as BackendKind)}
              options={kindOptions}
            />
          </Field>
        </div>
        <Field
          id="conn-endpoints"
          label={info.endpointsLabel}
          hint={info.endpointsHint}
          error={shown.endpointsText}
        >
          <TextArea
            id="conn-endpoints"
            testId="conn-endpoints"
            rows={2}
            placeholder={info.endpointsPlaceholder}
            value={form.endpointsText}
            onValue={(v) => set('endpointsText', v)}
          />
        </Field>
        <KindFields
          form={form}
          info={info}
          onChange={set}
          problem={shown.contextPath}
          adminServerProblem={shown.adminServerUrl}
          canDiscover={!problems.name && !problems.endpointsText && !problems.sessionTimeoutMs}
        />
        <div className="field-row field-row-fit">
          <Field id="conn-env" label={t('connectionFormDialog.environment')} style={{ flex: '0 0 110px' }}>
            <Select
              id="conn-env"
              testId="conn-environment"
              value={form.environment}
              onValue={(v) => set('environment', v as Environment)}
              options={ENVIRONMENT_OPTIONS}
            />
          </Field>
          <FolderField value={form.folder} onValue={(v) => set('folder', v)} />
          <Field
            id="conn-timeout"
            label={info.timeoutLabel}
            error={shown.sessionTimeoutMs}
            style={{ flex: '0 0 150px' }}
          >
            <TextInput
              id="conn-timeout"
              testId="conn-session-timeout"
              inputMode="numeric"
              value={form.sessionTimeoutMs}
              onValue={(v) => set('sessionTimeoutMs', v)}
            />
          </Field>
        </div>
        <Checkbox testId="conn-readonly" checked={form.readOnly} onChange={(on) => set('readOnly', on)}>
          {t('connectionFormDialog.readOnlyTheCore')}
        </Checkbox>
        <AuthFields form={form} info={info} onChange={set} problem={shown.username} secrets={secrets} />
        {info.tls && (
          <TlsFields
            form={form}
            onChange={set}
            insecureOption={info.insecureTls}
            onInsecure={(value) => set('insecureSkipVerify', value)}
            hint={info.tlsHint}
          />
        )}
        {canTunnel(info) && (
          <SshFields
            ssh={form.ssh}
            onChange={(ssh) => set('ssh', ssh)}
            problems={{
              first: sshHopProblemsOf(shown, 'first'),
              second: sshHopProblemsOf(shown, 'second'),
            }}
            secrets={secrets}
          />
        )}
      </Dialog>
      {/* After the form, so it sits above it (and Escape closes it, not the form). */}
      {refusal && (
        <HostKeyDialog
          refusal={refusal}
          connectionName={form.name}
          onTrust={() => onTrust(refusal)}
          onClose={() => setRefusal(null)}
        />
      )}
    </>
  );
}
