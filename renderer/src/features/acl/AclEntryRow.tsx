import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { ACL_PERMISSION_LETTERS, ACL_SCHEMES } from '../../../../shared/model/acl.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { Button } from '../../components/Button.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import { withPermission, type DraftEntry } from './acl-draft.js';
import { DigestHelper } from './DigestHelper.js';

const SCHEME_OPTIONS = ACL_SCHEMES.map((scheme) => ({ value: scheme, label: scheme }));
const PERMISSION_NAMES: Record<string, string> = {
  r: 'read',
  w: 'write',
  c: 'create',
  d: 'delete',
  a: 'admin',
};
/** The id a scheme nearly always takes, filled in when the scheme is picked. */
const DEFAULT_IDS: Partial<Record<string, string>> = { world: 'anyone', auth: '' };

interface Props {
  entry: DraftEntry;
  onChange: (patch: Partial<AclEntry>) => void;
  onRemove: () => void;
}

/** One ACL entry: scheme, id (with the digest helper for digest), permissions r w c d a, remove. */
export function AclEntryRow({ entry, onChange, onRemove }: Props) {
  const { t } = useTranslation('acl');

  const [helper, setHelper] = useState(false);
  const pickScheme = (scheme: string) => {
    const id = DEFAULT_IDS[scheme];
    onChange(id === undefined ? { scheme } : { scheme, id });
    if (scheme !== 'digest') setHelper(false);
  };
  return (
    <div className="acl-entry" data-testid="acl-entry" data-scheme={entry.scheme}>
      <div className="acl-entry-line">
        <Select
          testId="acl-scheme"
          aria-label={t('aclEntryRow.scheme')}
          value={entry.scheme}
          onValue={pickScheme}
          options={SCHEME_OPTIONS}
        />
        <TextInput
          testId="acl-id"
          mono
          aria-label={t('aclEntryRow.id')}
          spellCheck={false}
          placeholder={entry.scheme === 'ip' ? '10.0.0.0/8' : t('aclEntryRow.id2')}
          value={entry.id}
          onValue={(id) => onChange({ id })}
        />
      </div>
      <div className="acl-entry-line">
        {ACL_PERMISSION_LETTERS.map((letter) => (
          <label key={letter} className="acl-perm" title={PERMISSION_NAMES[letter]}>
            <input
              type="checkbox"
              data-testid={`acl-perm-${letter}`}
              checked={entry.permissions.includes(letter)}
              onChange={(e) =>
                onChange({ permissions: withPermission(entry.permissions, letter, e.target.checked) })
              }
            />
            {letter}
          </label>
        ))}
        <span className="spacer" />
        {entry.scheme === 'digest' && (
          <Button
            small
            tone="ghost"
            testId="acl-digest-open"
            title={t('aclEntryRow.computeTheIdFrom')}
            onClick={() => setHelper(!helper)}
          >
            {t('aclEntryRow.fromPassword')}
          </Button>
        )}
        <Button
          small
          tone="ghost"
          testId="acl-remove"
          aria-label={t('aclEntryRow.removeEntry')}
          onClick={onRemove}
        >
          ×
        </Button>
      </div>
      {helper && (
        <DigestHelper
          onId={(id) => {
            onChange({ id });
            setHelper(false);
          }}
          onClose={() => setHelper(false)}
        />
      )}
    </div>
  );
}
