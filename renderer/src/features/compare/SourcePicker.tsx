import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionProfile } from '../../../../shared/model/connection.js';
import { SNAPSHOT, type SourceDraft } from './source-ref.js';

interface Props {
  side: 'left' | 'right';
  profiles: readonly ConnectionProfile[];
  value: SourceDraft;
  onChange: (value: SourceDraft) => void;
}

/** One side of a comparison: a saved connection and a path in it, or a snapshot file. */
export function SourcePicker({ side, profiles, value, onChange }: Props) {
  const { t } = useTranslation('compare');

  const snapshot = value.connectionId === SNAPSHOT;
  const sourceId = useId();
  return (
    <div className="compare-source">
      <label className="compare-side-label" htmlFor={sourceId}>
        {side === 'left' ? t('sourcePicker.left') : t('sourcePicker.right')}
      </label>
      <select
        id={sourceId}
        className="input"
        data-testid={`compare-${side}-connection`}
        value={value.connectionId}
        onChange={(e) => onChange({ ...value, connectionId: e.target.value })}
      >
        <option value="">{t('sourcePicker.chooseASource')}</option>
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
        <option value={SNAPSHOT}>{t('sourcePicker.snapshotFile')}</option>
      </select>
      <input
        className="input mono"
        data-testid={`compare-${side}-path`}
        placeholder={snapshot ? t('sourcePicker.pathToSnapshotJson') : t('sourcePicker.path')}
        spellCheck={false}
        value={value.location}
        onChange={(e) => onChange({ ...value, location: e.target.value })}
      />
    </div>
  );
}
