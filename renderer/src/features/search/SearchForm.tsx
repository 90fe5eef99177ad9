import { useId } from 'react';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/Checkbox.js';
import { Select } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import { SNAPSHOT } from '../compare/source-ref.js';
import { PATH_MODE_LABELS, VALUE_MODE_LABELS, type SearchDraft } from './search-form.model.js';

interface Props {
  profiles: readonly ConnectionProfile[];
  draft: SearchDraft;
  onDraft: (draft: SearchDraft) => void;
  running: boolean;
  onStart: () => void;
  onCancel: () => void;
}

const modes = <M extends string>(labels: Record<M, string>) =>
  (Object.keys(labels) as M[]).map((mode) => ({ value: mode, label: labels[mode] }));

/** Where to search (a saved connection and a subtree, or a snapshot file) and what to look for. */
export function SearchForm({ profiles, draft, onDraft, running, onStart, onCancel }: Props) {
  const set = (change: Partial<SearchDraft>) => onDraft({ ...draft, ...change });
  const snapshot = draft.source.connectionId === SNAPSHOT;
  const start = () => !running && onStart();
  const id = useId();
  return (
    <div className="search-form" data-testid="search-form">
      <div className="search-form-row">
        <label className="search-label" id={`${id}-in`} htmlFor={`${id}-source`}>
          Search in
        </label>
        <Select
          id={`${id}-source`}
          testId="search-source"
          value={draft.source.connectionId}
          onValue={(connectionId) => set({ source: { ...draft.source, connectionId } })}
          options={[
            { value: '', label: 'Choose a source…' },
            ...profiles.map((profile) => ({ value: profile.id, label: profile.name })),
            { value: SNAPSHOT, label: 'Snapshot file…' },
          ]}
        />
        <span className="search-root">
          <TextInput
            testId="search-root"
            aria-labelledby={`${id}-in`}
            mono
            spellCheck={false}
            placeholder={snapshot ? '/path/to/snapshot.json' : '/ (the subtree to search)'}
            title={snapshot ? 'The snapshot file on this machine' : 'The root of the subtree searched'}
            value={draft.source.location}
            onValue={(location) => set({ source: { ...draft.source, location } })}
            onEnter={start}
          />
        </span>
      </div>
      <div className="search-form-row">
        <label className="search-label" id={`${id}-path`} htmlFor={`${id}-path-mode`}>
          Path
        </label>
        <Select
          id={`${id}-path-mode`}
          testId="search-path-mode"
          value={draft.pathMode}
          onValue={(pathMode) => set({ pathMode: pathMode as SearchDraft['pathMode'] })}
          options={modes(PATH_MODE_LABELS)}
          title="Substring of the path, a glob on the path below the root (** any depth), or a regular expression"
        />
        <span className="search-pattern">
          <TextInput
            testId="search-path"
            aria-labelledby={`${id}-path`}
            mono
            spellCheck={false}
            placeholder={draft.pathMode === 'glob' ? '**/db/*.json' : 'any path'}
            value={draft.pathText}
            onValue={(pathText) => set({ pathText })}
            onEnter={start}
          />
        </span>
        <label className="search-label" id={`${id}-value`} htmlFor={`${id}-value-mode`}>
          Value
        </label>
        <Select
          id={`${id}-value-mode`}
          testId="search-value-mode"
          value={draft.valueMode}
          onValue={(valueMode) => set({ valueMode: valueMode as SearchDraft['valueMode'] })}
          options={modes(VALUE_MODE_LABELS)}
        />
        <span className="search-pattern">
          <TextInput
            testId="search-value"
            aria-labelledby={`${id}-value`}
            mono
            spellCheck={false}
            placeholder="any value"
            value={draft.valueText}
            onValue={(valueText) => set({ valueText })}
            onEnter={start}
          />
        </span>
      </div>
      <div className="search-form-row">
        <span className="search-label" />
        <Checkbox testId="search-json" checked={draft.json} onChange={(json) => set({ json })}>
          <span title="In values that are JSON documents, match each key and each value (the result names its JSON pointer)">
            JSON-aware
          </span>
        </Checkbox>
        <Checkbox
          testId="search-case"
          checked={draft.caseSensitive}
          onChange={(caseSensitive) => set({ caseSensitive })}
        >
          Case-sensitive
        </Checkbox>
        <span className="spacer" />
        <Button small tone="primary" testId="search-start" disabled={running} onClick={start}>
          Start
        </Button>
        <Button small testId="search-cancel" disabled={!running} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
