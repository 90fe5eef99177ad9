import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useCreateNode } from '../../api/useNodeMutations.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { PathTitle } from '../../components/PathTitle.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { TextArea, TextInput } from '../../components/TextInput.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
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
  const { t } = useTranslation('edit');
  const { t: tCommon } = useTranslation('common');

  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [mode, setMode] = useState(EMPTY_CREATE_MODE);
  const create = useCreateNode(active.session.connectionId);
  const { showError } = useToasts();
  const caps = active.session.capabilities;
  const prod = active.profile.environment === 'prod';
  const target = resolveUnder(parent, name);
  const confirm = useTypedConfirmation(prod, target);
  const problem =
    name === ''
      ? t('createNodeDialog.enterAName')
      : (pathProblem(target, tCommon) ?? createModeFormProblem(mode, caps, t));

  const submit = () => {
    if (problem || !confirm.confirmed) return;
    create.mutate(
      {
        path: target,
        valueBase64: textToBase64(value),
        mode: toCreateMode(mode, caps),
        ...confirm.input,
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
      title={<PathTitle action={t('createNodeDialog.createNodeUnder')} path={parent} />}
      onClose={onClose}
      testId="create-dialog"
      tone={prod ? 'danger' : 'normal'}
      footer={
        <>
          <span className="muted mono create-target" data-testid="create-target">
            {name === '' ? '' : target}
          </span>
          <span className="spacer" />
          <ConfirmButtons
            onCancel={onClose}
            label={create.isPending ? t('createNodeDialog.creating') : t('createNodeDialog.create')}
            testId="create-submit"
            tone="primary"
            disabled={problem !== null || !confirm.confirmed || create.isPending}
            onConfirm={submit}
          />
        </>
      }
    >
      <Field
        id="create-path"
        label={<>{t('createNodeDialog.nameOrPathRelative', { parent })}</>}
        error={name !== '' && problem}
      >
        <TextInput
          id="create-path"
          testId="create-path"
          mono
          spellCheck={false}
          value={name}
          onValue={setName}
          onEnter={submit}
        />
      </Field>
      <Field id="create-value" label={t('createNodeDialog.valueUtf8Text')}>
        <TextArea
          id="create-value"
          testId="create-value"
          rows={6}
          spellCheck={false}
          value={value}
          onValue={setValue}
        />
      </Field>
      <CreateModeFields caps={caps} mode={mode} onChange={setMode} />
      {name !== '' && problem === null && (
        <ProdConfirmField
          id="create-confirm-input"
          testId="create-confirm-input"
          confirm={confirm}
          onSubmit={submit}
        />
      )}
    </Dialog>
  );
}
