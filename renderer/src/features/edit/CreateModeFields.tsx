import { useTranslation } from 'react-i18next';
import type { Capabilities } from '../../../../shared/model/capabilities.js';
import { Checkbox } from '../../components/Checkbox.js';
import { Field } from '../../components/Field.js';
import { TextInput } from '../../components/TextInput.js';
import type { CreateModeForm } from './create-mode.js';

interface Props {
  caps: Capabilities;
  mode: CreateModeForm;
  onChange: (mode: CreateModeForm) => void;
}

type Flag = 'ephemeral' | 'sequential' | 'container';
const FLAGS: readonly Flag[] = ['ephemeral', 'sequential', 'container'];

type Number = 'ttlMs' | 'leaseTtlSec';
const NUMBERS: readonly {
  key: Number;
  capability: 'ttl' | 'leases';
  id: string;
  testId: string;
}[] = [
  {
    key: 'ttlMs',
    capability: 'ttl',
    id: 'create-ttl',
    testId: 'create-ttl',
  },
  {
    key: 'leaseTtlSec',
    capability: 'leases',
    id: 'create-lease',
    testId: 'create-lease-ttl',
  },
];

/** Only the create modes the backend declares (ephemeral, sequential, container, TTL, lease). */
export function CreateModeFields({ caps, mode, onChange }: Props) {
  const { t } = useTranslation('edit');

  const set = <K extends keyof CreateModeForm>(key: K, value: CreateModeForm[K]) =>
    onChange({ ...mode, [key]: value });
  const flags = FLAGS.filter((flag) => caps[flag]);
  const numbers = NUMBERS.filter(({ capability }) => caps[capability]);
  if (flags.length === 0 && numbers.length === 0) return null;
  return (
    <div className="field">
      <span className="field-label">{t('createModeFields.createMode')}</span>
      {flags.length > 0 && (
        <div className="create-flags">
          {flags.map((flag) => (
            <Checkbox
              key={flag}
              testId={`create-${flag}`}
              checked={mode[flag]}
              onChange={(on) => set(flag, on)}
            >
              {t(`createModeFields.flag.${flag}`)}
            </Checkbox>
          ))}
        </div>
      )}
      <div className="field-row">
        {numbers.map(({ key, id, testId }) => (
          <Field key={key} id={id} label={t(`createModeFields.number.${key}`)}>
            <TextInput
              id={id}
              testId={testId}
              inputMode="numeric"
              value={mode[key]}
              onValue={(v) => set(key, v)}
            />
          </Field>
        ))}
      </div>
    </div>
  );
}
