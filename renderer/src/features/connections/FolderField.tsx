import { useTranslation } from 'react-i18next';
import { useConnections } from '../../api/useConnections.js';
import { Field } from '../../components/Field.js';
import { TextInput } from '../../components/TextInput.js';
import { existingFolders } from './sidebar-groups.js';

/** The sidebar folder of a profile: free text, with the folders already in use offered as choices. */
export function FolderField({ value, onValue }: { value: string; onValue: (folder: string) => void }) {
  const { t } = useTranslation('connections');

  const folders = existingFolders(useConnections().data ?? []);
  return (
    <Field id="conn-folder" label={t('folderField.folder')} hint={t('folderField.theSidebarGroupEmpty')}>
      <TextInput
        id="conn-folder"
        testId="conn-folder"
        list="conn-folder-options"
        autoComplete="off"
        placeholder={t('folderField.payments')}
        value={value}
        onValue={onValue}
      />
      <datalist id="conn-folder-options" data-testid="conn-folder-options">
        {folders.map((folder) => (
          <option key={folder} value={folder} />
        ))}
      </datalist>
    </Field>
  );
}
