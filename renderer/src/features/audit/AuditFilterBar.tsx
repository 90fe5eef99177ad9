import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { BACKEND_KINDS, ENVIRONMENTS, type BackendKind } from '../../../../shared/model/connection.js';
import {
  AUDIT_OPERATIONS,
  AUDIT_OUTCOMES,
  type AuditOperation,
  type AuditOutcome,
} from '../../../../shared/model/audit.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { useConnections } from '../../api/useConnections.js';
import { Button } from '../../components/Button.js';
import { Select, type SelectOption } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import {
  NO_FILTER,
  QUICK_RANGES,
  activeFilterCount,
  withQuickRange,
  type AuditFilterState,
} from './audit-filter.js';

interface Props {
  value: AuditFilterState;
  onChange: (value: AuditFilterState) => void;
}

/** "Any" first, then each value under its label (the value itself where it is a name, like an environment). */
function anyOf(
  anyLabel: string,
  values: readonly string[],
  labelOf: (value: string) => string = (value) => value,
): SelectOption[] {
  return [{ value: '', label: anyLabel }, ...values.map((value) => ({ value, label: labelOf(value) }))];
}

/** A small label above its control, so every filter says what it is (and a click on it focuses the control). */
function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="audit-filter">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Every filter of the audit centre; all of them narrow together (AND). */
export function AuditFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation('audit');
  const labels = useCoreLabels();

  const profiles = useConnections().data ?? [];
  const set = (field: keyof AuditFilterState) => (next: string) => onChange({ ...value, [field]: next });
  // A connection that was deleted since may still be in the log: keep it choosable while it is chosen.
  const names = [...new Set([...profiles.map((p) => p.name), value.connectionName].filter(Boolean))];
  const active = activeFilterCount(value);

  return (
    <div
      className="audit-filter-bar"
      data-testid="audit-filters"
      role="search"
      aria-label={t('auditFilterBar.auditFilters')}
    >
      <FilterField id="audit-filter-connection" label={t('auditFilterBar.connection')}>
        <Select
          id="audit-filter-connection"
          testId="audit-filter-connection"
          value={value.connectionName}
          onValue={set('connectionName')}
          options={anyOf(t('auditFilterBar.allConnections'), names)}
        />
      </FilterField>
      <FilterField id="audit-filter-env" label={t('auditFilterBar.environment')}>
        <Select
          id="audit-filter-env"
          testId="audit-filter-env"
          value={value.environment}
          onValue={set('environment')}
          options={anyOf(t('auditFilterBar.any'), ENVIRONMENTS)}
        />
      </FilterField>
      <FilterField id="audit-filter-kind" label={t('auditFilterBar.store')}>
        <Select
          id="audit-filter-kind"
          testId="audit-filter-kind"
          value={value.kind}
          onValue={set('kind')}
          options={anyOf(
            t('auditFilterBar.any'),
            BACKEND_KINDS,
            (kind) => labels.kind(kind as BackendKind).label,
          )}
        />
      </FilterField>
      <FilterField id="audit-filter-operation" label={t('auditFilterBar.operation')}>
        <Select
          id="audit-filter-operation"
          testId="audit-filter-operation"
          value={value.operation}
          onValue={set('operation')}
          options={anyOf(t('auditFilterBar.any'), AUDIT_OPERATIONS, (op) =>
            t(`operation.${op as AuditOperation}`),
          )}
        />
      </FilterField>
      <FilterField id="audit-filter-outcome" label={t('auditFilterBar.outcome')}>
        <Select
          id="audit-filter-outcome"
          testId="audit-filter-outcome"
          value={value.outcome}
          onValue={set('outcome')}
          options={anyOf(t('auditFilterBar.any'), AUDIT_OUTCOMES, (o) => t(`outcome.${o as AuditOutcome}`))}
        />
      </FilterField>
      <FilterField id="audit-filter-path" label={t('auditFilterBar.pathStartsWith')}>
        <TextInput
          id="audit-filter-path"
          testId="audit-filter-path"
          mono
          placeholder={t('auditFilterBar.services')}
          spellCheck={false}
          value={value.pathPrefix}
          onValue={set('pathPrefix')}
        />
      </FilterField>
      <FilterField id="audit-filter-path-contains" label={t('auditFilterBar.pathContains')}>
        <TextInput
          id="audit-filter-path-contains"
          testId="audit-filter-path-contains"
          mono
          placeholder={t('auditFilterBar.config')}
          spellCheck={false}
          value={value.pathContains}
          onValue={set('pathContains')}
        />
      </FilterField>
      <FilterField id="audit-filter-user" label={t('auditFilterBar.osUser')}>
        <TextInput
          id="audit-filter-user"
          testId="audit-filter-user"
          placeholder={t('auditFilterBar.alice')}
          spellCheck={false}
          value={value.user}
          onValue={set('user')}
        />
      </FilterField>
      <FilterField id="audit-filter-since" label={t('auditFilterBar.since')}>
        <input
          id="audit-filter-since"
          type="datetime-local"
          step={1}
          className="input"
          data-testid="audit-filter-since"
          value={value.since}
          onChange={(e) => set('since')(e.target.value)}
        />
      </FilterField>
      <FilterField id="audit-filter-until" label={t('auditFilterBar.until')}>
        <input
          id="audit-filter-until"
          type="datetime-local"
          step={1}
          className="input"
          data-testid="audit-filter-until"
          value={value.until}
          onChange={(e) => set('until')(e.target.value)}
        />
      </FilterField>
      <div className="audit-quick" role="group" aria-label={t('auditFilterBar.quickTimeRanges')}>
        {QUICK_RANGES.map((range) => (
          <Button
            key={range.id}
            small
            tone="ghost"
            testId="audit-quick-range"
            data-range={range.id}
            onClick={() => onChange(withQuickRange(value, range.ms))}
          >
            {t(`auditFilterBar.range.${range.key}`)}
          </Button>
        ))}
        <Button
          small
          tone="ghost"
          testId="audit-clear-filters"
          disabled={active === 0}
          onClick={() => onChange(NO_FILTER)}
          title={t('auditFilterBar.showEveryEntryAgain')}
        >
          {t('auditFilterBar.clearFilters')}
          {active > 0 ? ` (${active})` : ''}
        </Button>
      </div>
    </div>
  );
}
