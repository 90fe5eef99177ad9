import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { STREAM_CHANGE_TYPES, type StreamChangeType } from '../../../../shared/model/event-stream.js';
import { Button } from '../../components/Button.js';
import { TextInput } from '../../components/TextInput.js';
import type { ExportFormat } from './stream-export.js';

interface Props {
  paused: boolean;
  buffered: number;
  onPause: (paused: boolean) => void;
  glob: string;
  onGlob: (glob: string) => void;
  types: readonly StreamChangeType[];
  onTypes: (types: StreamChangeType[]) => void;
  onClear: () => void;
  onExport: (format: ExportFormat) => void;
  exportable: boolean;
  /** Events the filter matched (null while not filtering). */
  matched: number | null;
}

/** Pause, filter by path glob and type, clear, export. */
export function StreamToolbar(p: Props) {
  const format = useFormat();

  const { t } = useTranslation('watch');

  const toggle = (type: StreamChangeType) =>
    p.onTypes(p.types.includes(type) ? p.types.filter((t) => t !== type) : [...p.types, type]);
  return (
    <div className="toolbar stream-toolbar">
      <Button
        small
        testId="stream-pause"
        tone={p.paused ? 'primary' : undefined}
        onClick={() => p.onPause(!p.paused)}
      >
        {p.paused ? t('streamToolbar.resume') : t('streamToolbar.pause')}
      </Button>
      {p.paused && (
        <span className="warn-text" data-testid="stream-buffered" data-count={p.buffered}>
          {t('streamToolbar.pausedNew', { n: format.count(p.buffered) })}
        </span>
      )}
      <TextInput
        testId="stream-filter-glob"
        mono
        placeholder={t('streamToolbar.pathGlobApp')}
        value={p.glob}
        onValue={p.onGlob}
        spellCheck={false}
        title={t('streamToolbar.matchesWithinAName')}
      />
      <span className="stream-types" role="group" aria-label={t('streamToolbar.typesShown')}>
        {STREAM_CHANGE_TYPES.map((type) => (
          <button
            key={type}
            className="stream-type-toggle"
            data-testid="stream-filter-type"
            data-type={type}
            aria-pressed={p.types.includes(type)}
            onClick={() => toggle(type)}
            title={p.types.length === 0 ? t('streamToolbar.allTypesAreShown') : undefined}
          >
            {type === 'children' ? t('streamToolbar.children') : t(`eventType.${type}`)}
          </button>
        ))}
      </span>
      {p.matched !== null && (
        <span className="muted" data-testid="stream-matched" data-count={p.matched}>
          {p.matched === 1
            ? t('streamToolbar.n1Match')
            : t('streamToolbar.matches', { n: format.count(p.matched) })}
        </span>
      )}
      <span className="spacer" />
      <Button small testId="stream-clear" onClick={p.onClear}>
        {t('streamToolbar.clear')}
      </Button>
      <Button
        small
        testId="stream-export-ndjson"
        disabled={!p.exportable}
        onClick={() => p.onExport('ndjson')}
      >
        {t('streamToolbar.exportNdjson')}
      </Button>
      <Button small testId="stream-export-csv" disabled={!p.exportable} onClick={() => p.onExport('csv')}>
        {t('streamToolbar.exportCsv')}
      </Button>
    </div>
  );
}
