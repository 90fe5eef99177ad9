import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { Checkbox } from '../../components/Checkbox.js';
import { Field } from '../../components/Field.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import type { CopyMode } from './copy-request.js';

/** What the user chose in the dialog's form. */
export interface CopyChoice {
  move: boolean;
  targetConnectionId: string;
  targetPath: string;
  /** The new name of a rename (the target path is derived from it). */
  name: string;
  overwrite: boolean;
}

interface Props {
  mode: CopyMode;
  profiles: readonly ConnectionProfile[];
  choice: CopyChoice;
  onChoice: (choice: CopyChoice) => void;
  /** Why the name or path cannot be used yet, or null. */
  problem: string | null;
  onSubmit: () => void;
}

/** Where the copy goes: a connection and a path (a rename: only a new name), overwrite, copy or move. */
export function CopyTargetForm({ mode, profiles, choice, onChoice, problem, onSubmit }: Props) {
  const { t } = useTranslation('copy');

  const set = (patch: Partial<CopyChoice>) => onChoice({ ...choice, ...patch });
  if (mode === 'rename') {
    return (
      <Field id="copy-name" label={t('copyTargetForm.newName')} error={problem}>
        <TextInput
          id="copy-name"
          testId="copy-name-input"
          mono
          spellCheck={false}
          value={choice.name}
          onValue={(name) => set({ name })}
          onEnter={onSubmit}
        />
      </Field>
    );
  }
  return (
    <div className="copy-form">
      {mode === 'choose' && (
        <div className="copy-mode" role="radiogroup" data-testid="copy-mode">
          {(['copy', 'move'] as const).map((value) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="copy-mode"
                data-testid={`copy-mode-${value}`}
                checked={choice.move === (value === 'move')}
                onChange={() => set({ move: value === 'move' })}
              />
              {value === 'copy'
                ? t('copyTargetForm.copyTheSourceStays')
                : t('copyTargetForm.moveTheSourceIs')}
            </label>
          ))}
        </div>
      )}
      <Field id="copy-target-connection" label={t('copyTargetForm.targetConnection')}>
        <Select
          id="copy-target-connection"
          testId="copy-target-connection"
          value={choice.targetConnectionId}
          onValue={(targetConnectionId) => set({ targetConnectionId })}
          options={profiles.map((p) => ({
            value: p.id,
            label: `${p.name} (${p.environment}${p.readOnly ? ', read-only' : ''})`,
          }))}
        />
      </Field>
      <Field id="copy-target-path" label={t('copyTargetForm.targetPath')} error={problem}>
        <TextInput
          id="copy-target-path"
          testId="copy-target-path"
          mono
          spellCheck={false}
          value={choice.targetPath}
          onValue={(targetPath) => set({ targetPath })}
          onEnter={onSubmit}
        />
      </Field>
      <Checkbox
        testId="copy-overwrite"
        checked={choice.overwrite}
        onChange={(overwrite) => set({ overwrite })}
      >
        {t('copyTargetForm.overwriteKeysTheTarget')}
      </Checkbox>
    </div>
  );
}
