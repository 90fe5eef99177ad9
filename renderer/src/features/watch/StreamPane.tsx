import { useTranslation } from 'react-i18next';
import { useCallback, useMemo, useState } from 'react';
import type {
  StreamChangeType,
  StreamEvent,
  StreamFilter,
  StreamInfo,
} from '../../../../shared/model/event-stream.js';
import { useClearStream, useRemoveStream, useStopStream } from '../../api/useStreams.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.js';
import { EventDiffDialog } from './EventDiffDialog.js';
import { EventTable } from './EventTable.js';
import { downloadText, exportFileName, exportText, type ExportFormat } from './stream-export.js';
import { StreamHeader } from './StreamHeader.js';
import { StreamToolbar } from './StreamToolbar.js';
import { isFiltering, useStreamEvents } from './useStreamEvents.js';

const MIME: Record<ExportFormat, string> = { ndjson: 'application/x-ndjson', csv: 'text/csv' };

/** One stream: its facts and rate, the controls, the event table and the diff of the event clicked. */
export function StreamPane({ info, onRemoved }: { info: StreamInfo; onRemoved: () => void }) {
  const { t } = useTranslation('watch');

  const { showError } = useToasts();
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const paused = pausedAt !== null;
  const [glob, setGlob] = useState('');
  const [types, setTypes] = useState<StreamChangeType[]>([]);
  const settledGlob = useDebouncedValue(glob, 250);
  const filter = useMemo<StreamFilter>(
    () => ({
      ...(settledGlob.trim() ? { pathGlob: settledGlob.trim() } : {}),
      ...(types.length > 0 ? { types } : {}),
    }),
    [settledGlob, types],
  );
  const view = useStreamEvents(info, filter, pausedAt);
  const [open, setOpen] = useState<StreamEvent | null>(null);
  const stop = useStopStream();
  const clear = useClearStream();
  const remove = useRemoveStream();
  const onOpen = useCallback((event: StreamEvent) => setOpen(event), []);

  const onExport = (format: ExportFormat) => {
    downloadText(
      exportText(view.events, info.path, format),
      exportFileName(info.path, format, Date.now()),
      MIME[format],
    );
  };
  const onClear = () =>
    clear.mutate(info.streamId, {
      onSuccess: () => view.clearLocal(),
      onError: (error) => showError(error, t('streamPane.clearTheStream')),
    });
  const filtering = isFiltering(filter);
  const empty = view.loading
    ? t('streamPane.readingTheStream')
    : filtering
      ? t('streamPane.noEventMatchesThe')
      : info.state === 'running'
        ? t('streamPane.waitingForChangesEvents')
        : t('streamPane.noEvents');

  return (
    <div
      className="stream-pane"
      data-testid="stream-pane"
      data-stream-id={info.streamId}
      data-path={info.path}
      data-paused={paused}
      data-filtering={filtering}
    >
      <StreamHeader
        info={info}
        rate={view.rate}
        onStop={() =>
          stop.mutate(info.streamId, { onError: (error) => showError(error, t('streamPane.stopTheStream')) })
        }
        onRemove={() =>
          remove.mutate(info.streamId, {
            onSuccess: onRemoved,
            onError: (error) => showError(error, t('streamPane.removeTheStream')),
          })
        }
      />
      <StreamToolbar
        paused={paused}
        buffered={view.buffered}
        onPause={(pause) => setPausedAt(pause ? view.lastSeq : null)}
        glob={glob}
        onGlob={setGlob}
        types={types}
        onTypes={setTypes}
        onClear={onClear}
        onExport={onExport}
        exportable={view.events.length > 0}
        matched={isFiltering(filter) ? view.events.length + view.buffered : null}
      />
      {view.error !== null && <ErrorLine error={view.error} testId="stream-read-error" />}
      <EventTable
        events={view.events}
        markKind={info.markKind}
        selectedSeq={open?.seq ?? null}
        onOpen={onOpen}
        empty={empty}
      />
      {open && <EventDiffDialog event={open} markKind={info.markKind} onClose={() => setOpen(null)} />}
    </div>
  );
}
