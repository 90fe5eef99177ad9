import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { useConnections, useLastUsed } from '../../api/useConnections.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { useSession } from '../session/SessionProvider.js';
import { ConnectionFormDialog } from './ConnectionFormDialog.js';
import { ConnectionItem } from './ConnectionItem.js';
import { DeleteConnectionDialog } from './DeleteConnectionDialog.js';
import { ExportProfilesDialog } from './ExportProfilesDialog.js';
import { ImportProfilesDialog } from './ImportProfilesDialog.js';
import { emptyConnectionForm, formFromProfile, type ConnectionFormState } from './connection-form.model.js';
import { groupProfiles, type ProfileOrder } from './sidebar-groups.js';
import './ConnectionSidebar.css';

/** The saved profiles in their folders, a search box, New / Import / Export, and each profile's actions. */
export function ConnectionSidebar() {
  const { t } = useTranslation('connections');
  const { sentence } = useDescribeError();

  const connections = useConnections();
  const { active } = useSession();
  const [form, setForm] = useState<ConnectionFormState | null>(null);
  const [deleting, setDeleting] = useState<ConnectionProfile | null>(null);
  const [transfer, setTransfer] = useState<'import' | 'export' | null>(null);
  const [search, setSearch] = useState('');
  const [order, setOrder] = useState<ProfileOrder>('name');
  const lastUsed = useLastUsed(active?.profile.id ?? null);
  const all = connections.data ?? [];
  const groups = groupProfiles(all, search, order, lastUsed.data ?? {});

  const item = (profile: ConnectionProfile) => (
    <ConnectionItem
      key={profile.id}
      profile={profile}
      active={active?.profile.id === profile.id}
      onEdit={() => setForm(formFromProfile(profile))}
      onDelete={() => setDeleting(profile)}
    />
  );

  return (
    <aside className="sidebar" data-testid="connection-sidebar">
      <div className="sidebar-head">
        <span className="caps-title">{t('connectionSidebar.connections')}</span>
        <span className="sidebar-head-actions">
          <button
            className="btn btn-sm"
            data-testid="import-profiles-button"
            onClick={() => setTransfer('import')}
          >
            {t('connectionSidebar.import')}
          </button>
          <button
            className="btn btn-sm"
            data-testid="export-profiles-button"
            disabled={all.length === 0}
            onClick={() => setTransfer('export')}
          >
            {t('connectionSidebar.export')}
          </button>
          <button
            className="btn btn-sm"
            data-testid="new-connection"
            onClick={() => setForm(emptyConnectionForm())}
          >
            {t('connectionSidebar.new')}
          </button>
        </span>
      </div>
      {all.length > 0 && (
        <div className="sidebar-search">
          <TextInput
            testId="connection-search"
            type="search"
            placeholder={t('connectionSidebar.searchProfiles')}
            aria-label={t('connectionSidebar.searchProfiles')}
            value={search}
            onValue={setSearch}
          />
          <Select
            testId="connection-sort"
            aria-label={t('connectionSidebar.orderOfTheProfiles')}
            value={order}
            onValue={(value) => setOrder(value === 'lastUsed' ? 'lastUsed' : 'name')}
            options={[
              { value: 'name', label: t('connectionSidebar.byName') },
              { value: 'lastUsed', label: t('connectionSidebar.lastUsed') },
            ]}
          />
        </div>
      )}
      <div className="sidebar-list">
        {connections.isPending && <div className="sidebar-empty">{t('connectionSidebar.loading')}</div>}
        {connections.isError && <div className="inline-error">{sentence(connections.error)}</div>}
        {connections.isSuccess && all.length === 0 && (
          <div className="sidebar-empty">{t('connectionSidebar.noSavedConnectionsYet')}</div>
        )}
        {all.length > 0 && groups.length === 0 && (
          <div className="sidebar-empty" data-testid="connection-search-empty">
            {t('connectionSidebar.noProfileMatches', { trim: search.trim() })}
          </div>
        )}
        {groups.map((group) =>
          group.folder === null ? (
            group.profiles.map(item)
          ) : (
            <section
              key={`folder:${group.folder}`}
              data-testid="connection-folder"
              data-folder={group.folder}
            >
              <div className="sidebar-folder" title={group.folder}>
                {group.folder} <span className="sidebar-folder-count">{group.profiles.length}</span>
              </div>
              {group.profiles.map(item)}
            </section>
          ),
        )}
      </div>
      {form && <ConnectionFormDialog initial={form} onClose={() => setForm(null)} />}
      {deleting && <DeleteConnectionDialog profile={deleting} onClose={() => setDeleting(null)} />}
      {transfer === 'export' && <ExportProfilesDialog onClose={() => setTransfer(null)} />}
      {transfer === 'import' && <ImportProfilesDialog onClose={() => setTransfer(null)} />}
    </aside>
  );
}
