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
const FLAGS: readonly { flag: Flag; label: string }[] = [
  { flag: 'ephemeral', label: 'Ephemeral' },
  { flag: 'sequential', label: 'Sequential' },
  { flag: 'container', label: 'Container' },
];

type Number = 'ttlMs' | 'leaseTtlSec';
const NUMBERS: readonly {
  key: Number;
  capability: 'ttl' | 'leases';
  id: string;
  testId: string;
  label: string;
}[] = [
  {
    key: 'ttlMs',
    capability: 'ttl',
    id: 'create-ttl',
    testId: 'create-ttl',
    label: 'TTL (ms, empty for none)',
  },
  {
    key: 'leaseTtlSec',
    capability: 'leases',
    id: 'create-lease',
    testId: 'create-lease-ttl',
    label: 'Lease TTL (s, empty for none)',
  },
];

/** Only the create modes the backend declares (ephemeral, sequential, container, TTL, lease). */
export function CreateModeFields({ caps, mode, onChange }: Props) {
  const set = <K extends keyof CreateModeForm>(key: K, value: CreateModeForm[K]) =>
    onChange({ ...mode, [key]: value });
  const flags = FLAGS.filter(({ flag }) => caps[flag]);
  const numbers = NUMBERS.filter(({ capability }) => caps[capability]);
  if (flags.length === 0 && numbers.length === 0) return null;
  return (
    <div className="field">
      <span className="field-label">Create mode</span>
      {flags.length > 0 && (
        <div className="create-flags">
          {flags.map(({ flag, label }) => (
            <Checkbox
              key={flag}
              testId={`create-${flag}`}
              checked={mode[flag]}
              onChange={(on) => set(flag, on)}
            >
              {label}
            </Checkbox>
          ))}
        </div>
      )}
      <div className="field-row">
        {numbers.map(({ key, id, testId, label }) => (
          <Field key={key} id={id} label={label}>
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
