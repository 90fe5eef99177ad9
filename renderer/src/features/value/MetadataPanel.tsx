import type { AclEntry, MetaField } from '../../../../shared/model/node.js';

/** The backend's metadata of a node as a label/value table, and its ACL when the store has ACLs. */
export function MetadataPanel({ meta, acls }: { meta: MetaField[]; acls: AclEntry[] | null }) {
  return (
    <aside className="meta-panel" data-testid="meta-panel">
      <div className="meta-title">Metadata</div>
      {meta.length === 0 && <div className="muted meta-empty">No metadata</div>}
      <table className="meta-table">
        <tbody>
          {meta.map((field) => (
            <tr key={field.key} data-testid="meta-row" data-key={field.key}>
              <th>{field.label}</th>
              <td className="mono">{field.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {acls && (
        <div data-testid="acl-panel">
          <div className="meta-title">ACL</div>
          {acls.length === 0 ? (
            <div className="muted meta-empty">No ACL entries</div>
          ) : (
            <table className="meta-table">
              <thead>
                <tr>
                  <th>Scheme</th>
                  <th>Id</th>
                  <th>Perms</th>
                </tr>
              </thead>
              <tbody>
                {acls.map((acl, index) => (
                  <tr key={`${acl.scheme}:${acl.id}:${index}`} data-testid="acl-row">
                    <td className="mono">{acl.scheme}</td>
                    <td className="mono">{acl.id}</td>
                    <td className="mono" title="c=create r=read w=write d=delete a=admin">
                      {acl.permissions}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </aside>
  );
}
