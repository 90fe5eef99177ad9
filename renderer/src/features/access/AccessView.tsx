import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState.js';
import { RefreshButton } from '../../components/RefreshButton.js';
import { Select } from '../../components/Select.js';
import { StatusLine } from '../../components/StatusLine.js';
import type { ActiveSession } from '../session/active-session.js';
import { filterPrincipals, presentTypes, type TypeChoice } from './principal-filter.js';
import { PrincipalTable } from './PrincipalTable.js';
import { usePrincipals } from './usePrincipals.js';
import '../registry/registry.css';
import './AccessView.css';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/**
 * Who may do what on the store, read-only: etcd users and roles, Consul tokens, roles and policies, each with
 * its grants, as far as this connection's credentials may read them (the notes above say where they stop).
 */
export function AccessView({ active }: { active: ActiveSession }) {
  const { t } = useTranslation('access');
  const say = useCoreSentence();

  const principals = usePrincipals(active.session.connectionId);
  const [type, setType] = useState<TypeChoice>('');
  const [filter, setFilter] = useState('');
  const all = principals.data?.principals ?? [];
  const shown = filterPrincipals(all, type, filter);

  return (
    <div className="access-view" data-testid="access-view">
      <div className="toolbar registry-toolbar">
        <Select
          testId="access-type"
          aria-label={t('accessView.principalTypeFilter')}
          value={type}
          onValue={(value) => setType(value as TypeChoice)}
          options={[
            { value: '', label: t('accessView.everyType') },
            ...presentTypes(all).map((type) => ({ value: type, label: t(`principalTypes.${type}`) })),
          ]}
        />
        <input
          className="input"
          style={{ width: 260 }}
          data-testid="access-filter"
          placeholder={t('accessView.filterNameRolePolicy')}
          spellCheck={false}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <RefreshButton testId="access-refresh" query={principals} busyLabel={t('busy.refreshing')} />
        <span className="muted" data-testid="access-count">
          {principals.data ? t('accessView.of', { length: shown.length, length2: all.length }) : ''}
        </span>
        <span className="spacer" />
        <span className="faint">{t('accessView.readOnlyChangesAre')}</span>
      </div>
      {principals.data?.notes.map((note, index) => (
        <div key={index} className="notice notice-info" data-testid="access-note">
          {say(note)}
        </div>
      ))}
      <div className="registry-scroll">
        <QueryState
          query={principals}
          loading={t('accessView.readingUsersRolesAnd')}
          errorTestId="access-error"
          isEmpty={() => shown.length === 0}
          empty={
            <StatusLine>
              {all.length === 0 ? t('accessView.nothingToShow') : t('accessView.nothingMatchesTheFilter')}
            </StatusLine>
          }
        >
          {() => <PrincipalTable principals={shown} />}
        </QueryState>
      </div>
    </div>
  );
}
