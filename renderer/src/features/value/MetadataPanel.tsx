import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AclEntry, MetaField } from '../../../../shared/model/node.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { AclEditor, type AclEditTarget } from '../acl/AclEditor.js';

function aclColumns(t: TFunction<'value'>): readonly Column<AclEntry>[] {
  return [
    { header: t('metadataPanel.scheme'), className: 'mono', cell: (acl) => acl.scheme },
    { header: t('metadataPanel.id'), className: 'mono', cell: (acl) => acl.id },
    {
      header: t('metadataPanel.perms'),
      className: 'mono',
      cellProps: () => ({ title: t('metadataPanel.permsTitle') }),
      cell: (acl) => acl.permissions,
    },
  ];
}

interface Props {
  meta: MetaField[];
  acls: AclEntry[] | null;
  /** Where the session edits ACLs (capability `aclEditing`, a writable connection): the editor's target. */
  aclEdit: AclEditTarget | null;
}

/**
 * The backend's metadata of a node as a label/value table, and its ACL when the store has ACLs: a table, or
 * the editor where the session can change ACLs.
 */
export function MetadataPanel({ meta, acls, aclEdit }: Props) {
  const { t } = useTranslation('value');
  const labels = useCoreLabels();

  const editing = acls !== null && aclEdit !== null;
  return (
    <aside className={editing ? 'meta-panel meta-panel-acl' : 'meta-panel'} data-testid="meta-panel">
      <div className="meta-title caps-title">{t('metadataPanel.metadata')}</div>
      {meta.length === 0 && <div className="muted meta-empty">{t('metadataPanel.noMetadata')}</div>}
      <table className="meta-table">
        <tbody>
          {meta.map((field) => (
            <tr key={field.key} data-testid="meta-row" data-key={field.key}>
              <th>{labels.metaField(field)}</th>
              <td className="mono">{labels.word(field) ?? field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {acls && (
        <div data-testid="acl-panel">
          <div className="meta-title caps-title">ACL</div>
          {editing ? (
            <AclEditor {...aclEdit} />
          ) : acls.length === 0 ? (
            <div className="muted meta-empty">{t('metadataPanel.noAclEntries')}</div>
          ) : (
            <DataTable<AclEntry>
              className="meta-table"
              rows={acls}
              columns={aclColumns(t)}
              rowKey={(acl, index) => `${acl.scheme}:${acl.id}:${index}`}
              rowProps={() => ({ 'data-testid': 'acl-row' })}
            />
          )}
        </div>
      )}
    </aside>
  );
}
