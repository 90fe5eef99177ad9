import { useState } from 'react';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { useConnections } from '../../api/useConnections.js';
import { describeError } from '../../errors/error-messages.js';
import { useSession } from '../session/SessionProvider.js';
import { ConnectionFormDialog } from './ConnectionFormDialog.js';
import { ConnectionItem } from './ConnectionItem.js';
import { DeleteConnectionDialog } from './DeleteConnectionDialog.js';
import { emptyConnectionForm, formFromProfile, type ConnectionFormState } from './connection-form.model.js';
import './ConnectionSidebar.css';

/** The saved profiles with New / Edit / Delete / Test / Connect. */
export function ConnectionSidebar() {
  const connections = useConnections();
  const { active } = useSession();
  const [form, setForm] = useState<ConnectionFormState | null>(null);
  const [deleting, setDeleting] = useState<ConnectionProfile | null>(null);
  const profiles = [...(connections.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <aside className="sidebar" data-testid="connection-sidebar">
      <div className="sidebar-head">
        <span className="caps-title">Connections</span>
        <button
          className="btn btn-sm"
          data-testid="new-connection"
          onClick={() => setForm(emptyConnectionForm())}
        >
          + New
        </button>
      </div>
      <div className="sidebar-list">
        {connections.isPending && <div className="sidebar-empty">Loading…</div>}
        {connections.isError && (
          <div className="inline-error">{describeError(connections.error).message}</div>
        )}
        {connections.isSuccess && profiles.length === 0 && (
          <div className="sidebar-empty">No saved connections yet. Create one with “+ New”.</div>
        )}
        {profiles.map((profile) => (
          <ConnectionItem
            key={profile.id}
            profile={profile}
            active={active?.profile.id === profile.id}
            onEdit={() => setForm(formFromProfile(profile))}
            onDelete={() => setDeleting(profile)}
          />
        ))}
      </div>
      {form && <ConnectionFormDialog initial={form} onClose={() => setForm(null)} />}
      {deleting && <DeleteConnectionDialog profile={deleting} onClose={() => setDeleting(null)} />}
    </aside>
  );
}
