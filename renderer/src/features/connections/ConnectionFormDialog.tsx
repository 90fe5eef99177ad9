import { useState } from 'react';
import {
  BACKEND_KINDS,
  ENVIRONMENTS,
  type BackendKind,
  type Environment,
} from '../../../../shared/model/connection.js';
import { useAppInfo } from '../../api/useAppInfo.js';
import { useSaveConnection, useTestConnection } from '../../api/useConnectionMutations.js';
import { Dialog } from '../../components/Dialog.js';
import { useToasts } from '../../errors/ToastContext.js';
import { KIND_DESCRIPTORS } from '../../../../shared/kinds/kinds.js';
import { formProblems, formToInput, type ConnectionFormState } from './connection-form.model.js';
import { TestResult } from './TestResult.js';
import { AuthFields } from './AuthFields.js';
import { KindFields } from './KindFields.js';
import { TlsFields } from './TlsFields.js';

/** New / edit connection profile form; Test tries the typed profile without saving it. */
export function ConnectionFormDialog({
  initial,
  onClose,
}: {
  initial: ConnectionFormState;
  onClose: () => void;
}) {
  const [form, setForm] = useState(initial);
  const [touched, setTouched] = useState(false);
  const save = useSaveConnection();
  const test = useTestConnection();
  const secrets = useAppInfo().data?.secrets;
  const { showError } = useToasts();
  const info = KIND_DESCRIPTORS[form.kind];
  const problems = formProblems(form);
  const valid = Object.keys(problems).length === 0;
  const shown = touched ? problems : {};
  const set = <K extends keyof ConnectionFormState>(key: K, value: ConnectionFormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const onSave = () => {
    setTouched(true);
    if (!valid) return;
    save.mutate(formToInput(form, info), {
      onSuccess: onClose,
      onError: (error) => showError(error, `Save connection ${form.name}`),
    });
  };
  const onTest = () => {
    setTouched(true);
    if (valid) test.mutate(formToInput(form, info));
  };

  const footer = (
    <>
      <button className="btn" data-testid="conn-test" onClick={onTest} disabled={test.isPending}>
        {test.isPending ? 'Testing…' : 'Test'}
      </button>
      <TestResult mutation={test} />
      <span className="spacer" />
      <button className="btn" data-testid="conn-cancel" onClick={onClose}>
        Cancel
      </button>
      <button className="btn btn-primary" data-testid="conn-save" onClick={onSave} disabled={save.isPending}>
        Save
      </button>
    </>
  );

  return (
    <Dialog
      title={form.id ? `Edit ${initial.name}` : 'New connection'}
      onClose={onClose}
      footer={footer}
      testId="connection-form"
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor="conn-name">Name</label>
          <input
            id="conn-name"
            className="input"
            data-testid="conn-name"
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
          />
          {shown.name && <span className="field-error">{shown.name}</span>}
        </div>
        <div className="field" style={{ flex: '0 0 130px' }}>
          <label htmlFor="conn-kind">Kind</label>
          <select
            id="conn-kind"
            className="input"
            data-testid="conn-kind"
            value={form.kind}
            onChange={(e) => set('kind', e.target.value as BackendKind)}
          >
            {BACKEND_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_DESCRIPTORS[k].label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="conn-endpoints">{info.endpointsLabel}</label>
        <textarea
          id="conn-endpoints"
          className="input"
          rows={2}
          data-testid="conn-endpoints"
          placeholder={info.endpointsPlaceholder}
          value={form.endpointsText}
          onChange={(e) => set('endpointsText', e.target.value)}
        />
        <span className="field-hint">{info.endpointsHint}</span>
        {shown.endpointsText && <span className="field-error">{shown.endpointsText}</span>}
      </div>
      <KindFields
        form={form}
        info={info}
        onChange={set}
        problem={shown.contextPath}
        canDiscover={!problems.name && !problems.endpointsText && !problems.sessionTimeoutMs}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor="conn-env">Environment</label>
          <select
            id="conn-env"
            className="input"
            data-testid="conn-environment"
            value={form.environment}
            onChange={(e) => set('environment', e.target.value as Environment)}
          >
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="conn-timeout">{info.timeoutLabel}</label>
          <input
            id="conn-timeout"
            className="input"
            inputMode="numeric"
            data-testid="conn-session-timeout"
            value={form.sessionTimeoutMs}
            onChange={(e) => set('sessionTimeoutMs', e.target.value)}
          />
          {shown.sessionTimeoutMs && <span className="field-error">{shown.sessionTimeoutMs}</span>}
        </div>
      </div>
      <label className="check">
        <input
          type="checkbox"
          data-testid="conn-readonly"
          checked={form.readOnly}
          onChange={(e) => set('readOnly', e.target.checked)}
        />
        Read-only (the core refuses every write on this connection)
      </label>
      <AuthFields form={form} info={info} onChange={set} problem={shown.username} secrets={secrets} />
      {info.tls && (
        <TlsFields
          form={form}
          onChange={set}
          insecureOption={info.insecureTls}
          onInsecure={(value) => set('insecureSkipVerify', value)}
        />
      )}
    </Dialog>
  );
}
