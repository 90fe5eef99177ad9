import { STREAM_CHANGE_TYPES, type StreamChangeType } from '../../../../shared/model/event-stream.js';
import { Button } from '../../components/Button.js';
import { TextInput } from '../../components/TextInput.js';
import { formatCount } from '../../lib/format-bytes.js';
import { EVENT_TYPE_LABELS } from './event-row.js';
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
        {p.paused ? 'Resume' : 'Pause'}
      </Button>
      {p.paused && (
        <span className="warn-text" data-testid="stream-buffered" data-count={p.buffered}>
          Paused · {formatCount(p.buffered)} new
        </span>
      )}
      <TextInput
        testId="stream-filter-glob"
        mono
        placeholder="Path glob /app/**"
        value={p.glob}
        onValue={p.onGlob}
        spellCheck={false}
        title="* matches within a name, ** across names"
      />
      <span className="stream-types" role="group" aria-label="Types shown">
        {STREAM_CHANGE_TYPES.map((type) => (
          <button
            key={type}
            className="stream-type-toggle"
            data-testid="stream-filter-type"
            data-type={type}
            aria-pressed={p.types.includes(type)}
            onClick={() => toggle(type)}
            title={p.types.length === 0 ? 'All types are shown; pick some to show only those' : undefined}
          >
            {type === 'children' ? 'children' : EVENT_TYPE_LABELS[type]}
          </button>
        ))}
      </span>
      {p.matched !== null && (
        <span className="muted" data-testid="stream-matched" data-count={p.matched}>
          {p.matched === 1 ? '1 match' : `${formatCount(p.matched)} matches`}
        </span>
      )}
      <span className="spacer" />
      <Button small testId="stream-clear" onClick={p.onClear}>
        Clear
      </Button>
      <Button
        small
        testId="stream-export-ndjson"
        disabled={!p.exportable}
        onClick={() => p.onExport('ndjson')}
      >
        Export NDJSON
      </Button>
      <Button small testId="stream-export-csv" disabled={!p.exportable} onClick={() => p.onExport('csv')}>
        Export CSV
      </Button>
    </div>
  );
}
