import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/Checkbox.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import { SNAPSHOT } from '../compare/source-ref.js';
import { PATH_MODES, VALUE_MODES, type SearchDraft } from './search-form.model.js';

interface Props {
  profiles: readonly ConnectionProfile[];
  draft: SearchDraft;
  onDraft: (draft: SearchDraft) => void;
  running: boolean;
  onStart: () => void;
  onCancel: () => void;
}

/** Where to search (a saved connection and a subtree, or a snapshot file) and what to look for. */
export function SearchForm({ profiles, draft, onDraft, running, onStart, onCancel }: Props) {
  const { t } = useTranslation('search');
  const modes = (list: readonly ('substring' | 'glob' | 'regex')[]) =>
    list.map((mode) => ({ value: mode, label: t(`searchForm.mode.${mode}`) }));

  const set = (change: Partial<SearchDraft>) => onDraft({ ...draft, ...change });
  const snapshot = draft.source.connectionId === SNAPSHOT;
  const start = () => !running && onStart();
  const id = useId();
  return (
    <div className="search-form" data-testid="search-form">
      <div className="search-form-row">
        <label className="search-label" id={`${id}-in`} htmlFor={`${id}-source`}>
          {t('searchForm.searchIn')}
        </label>
        <Select
          id={`${id}-source`}
          testId="search-source"
          value={draft.source.connectionId}
          onValue={(connectionId) => set({ source: { ...draft.source, connectionId } })}
          options={[
            { value: '', label: t('searchForm.chooseASource') },
            ...profiles.map((profile) => ({ value: profile.id, label: profile.name })),
            { value: SNAPSHOT, label: t('searchForm.snapshotFile') },
          ]}
        />
        <span className="search-root">
          <TextInput
            testId="search-root"
            aria-labelledby={`${id}-in`}
            mono
            spellCheck={false}
            placeholder={snapshot ? t('searchForm.pathToSnapshotJson') : t('searchForm.theSubtreeToSearch')}
            title={snapshot ? t('searchForm.theSnapshotFileOn') : t('searchForm.theRootOfThe')}
            value={draft.source.location}
            onValue={(location) => set({ source: { ...draft.source, location } })}
            onEnter={start}
          />
        </span>
      </div>
      <div className="search-form-row">
        <label className="search-label" id={`${id}-path`} htmlFor={`${id}-path-mode`}>
          {t('searchForm.path')}
        </label>
        <Select
          id={`${id}-path-mode`}
          testId="search-path-mode"
          value={draft.pathMode}
          onValue={(pathMode) => set({ pathMode: pathMode as SearchDraft['pathMode'] })}
          options={modes(PATH_MODES)}
          title={t('searchForm.substringOfThePath')}
        />
        <span className="search-pattern">
          <TextInput
            testId="search-path"
            aria-labelledby={`${id}-path`}
            mono
            spellCheck={false}
            placeholder={draft.pathMode === 'glob' ? t('searchForm.dbJson') : t('searchForm.anyPath')}
            value={draft.pathText}
            onValue={(pathText) => set({ pathText })}
            onEnter={start}
          />
        </span>
        <label className="search-label" id={`${id}-value`} htmlFor={`${id}-value-mode`}>
          {t('searchForm.value')}
        </label>
        <Select
          id={`${id}-value-mode`}
          testId="search-value-mode"
          value={draft.valueMode}
          onValue={(valueMode) => set({ valueMode: valueMode as SearchDraft['valueMode'] })}
          options={modes(VALUE_MODES)}
        />
        <span className="search-pattern">
          <TextInput
            testId="search-value"
            aria-labelledby={`${id}-value`}
            mono
            spellCheck={false}
            placeholder={t('searchForm.anyValue')}
            value={draft.valueText}
            onValue={(valueText) => set({ valueText })}
            onEnter={start}
          />
        </span>
      </div>
      <div className="search-form-row">
        <span className="search-label" />
        <Checkbox testId="search-json" checked={draft.json} onChange={(json) => set({ json })}>
          <span title={t('searchForm.inValuesThatAre')}>{t('searchForm.jsonAware')}</span>
        </Checkbox>
        <Checkbox
          testId="search-case"
          checked={draft.caseSensitive}
          onChange={(caseSensitive) => set({ caseSensitive })}
        >
          {t('searchForm.caseSensitive')}
        </Checkbox>
        <span className="spacer" />
        <Button small tone="primary" testId="search-start" disabled={running} onClick={start}>
          {t('searchForm.start')}
        </Button>
        <Button small testId="search-cancel" disabled={!running} onClick={onCancel}>
          {t('searchForm.cancel')}
        </Button>
      </div>
    </div>
  );
}
