import { useState } from 'react';
import { useCreateNode } from '../../api/useNodeMutations.js';
import { Dialog } from '../../components/Dialog.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { useToasts } from '../../errors/ToastContext.js';
import { textToBase64 } from '../../lib/base64.js';
import { pathProblem, resolveUnder } from '../../lib/path-utils.js';
import type { ActiveSession } from '../session/active-session.js';
import { createModeFormProblem, EMPTY_CREATE_MODE, toCreateMode } from './create-mode.js';
import { CreateModeFields } from './CreateModeFields.js';

interface Props {
  active: ActiveSession;
  parent: string;
  onCreated: (path: string) => void;
  onClose: () => void;
}

/** Creates a node under the selected one (a relative path may create several levels). */
export function CreateNodeDialog({ active, parent, onCreated, onClose }: Props) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [mode, setMode] = useState(EMPTY_CREATE_MODE);
  const create = useCreateNode(active.session.connectionId);
  const { showError } = useToasts();
  const caps = active.session.capabilities;
  const prod = active.profile.environment === 'prod';
  const [typed, setTyped] = useState('');
  const target = resolveUnder(parent, name);
  const problem = name === '' ? 'Enter a name' : (pathProblem(target) ?? createModeFormProblem(mode, caps));
  const confirmed = !prod || typed === target;

  const submit = () => {
    if (problem || !confirmed) return;
    create.mutate(
      {
        path: target,
        valueBase64: textToBase64(value),
        mode: toCreateMode(mode, caps),
        ...(prod ? { confirmation: typed } : {}),
      },
      {
        onSuccess: (result) => {
          onCreated(result.path);
          onClose();
        },
        onError: (error) => showError(error, `Create ${target}`),
      },
    );
  };

  return (
    <Dialog
      title={
        <>
          Create node under <span className="mono">{parent}</span>
        </>
      }
      onClose={onClose}
      testId="create-dialog"
      tone={prod ? 'danger' : 'normal'}
      footer={
        <>
          <span className="muted mono create-target" data-testid="create-target">
            {name === '' ? '' : target}
          </span>
          <span className="spacer" />
          <button className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            data-testid="create-submit"
            disabled={problem !== null || !confirmed || create.isPending}
            onClick={submit}
          >
            {create.isPending ? 'Creating…' : 'Create'}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor="create-path">Name or path (relative to {parent}, or absolute)</label>
        <input
          id="create-path"
          className="input mono"
          data-testid="create-path"
          spellCheck={false}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
        {name !== '' && problem && <span className="field-error">{problem}</span>}
      </div>
      <div className="field">
        <label htmlFor="create-value">Value (UTF-8 text, may be empty)</label>
        <textarea
          id="create-value"
          className="input"
          rows={6}
          data-testid="create-value"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <CreateModeFields caps={caps} mode={mode} onChange={setMode} />
      {prod && name !== '' && problem === null && (
        <ProdConfirmField
          id="create-confirm-input"
          testId="create-confirm-input"
          expected={target}
          value={typed}
          onChange={setTyped}
          onSubmit={submit}
        />
      )}
    </Dialog>
  );
}
