import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.js';
import type { StreamEvent, StreamMarkKind } from '../../../../shared/model/event-stream.js';
import { Dialog } from '../../components/Dialog.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { clockTime, isConnectionEvent } from './event-row.js';
import { diffSide, eventLanguage, sameValues } from './event-values.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

interface Props {
  event: StreamEvent;
  markKind: StreamMarkKind | null;
  onClose: () => void;
}

/** One event: its facts, and the value before (left) and after (right) in Monaco's diff; a connection event's sentence whole. */
export function EventDiffDialog({ event, markKind, onClose }: Props) {
  const { t } = useTranslation('watch');
  const say = useCoreSentence();
  const format = useFormat();

  if (isConnectionEvent(event)) {
    return (
      <Dialog
        testId="event-detail-dialog"
        title={t('eventDiffDialog.at', {
          value: t(`eventType.${event.type}`),
          clockTime: clockTime(event.time),
        })}
        onClose={onClose}
      >
        <p className="event-detail-text" data-testid="event-detail">
          {event.detail !== null ? say(event.detail) : t('eventDiffDialog.noDetail')}
        </p>
      </Dialog>
    );
  }
  const before = diffSide(event.before, event.beforeKnown, 'before', t, format);
  const after = diffSide(event.after, true, 'after', t, format);
  const notices = [before.notice, after.notice].filter((n): n is string => n !== null);
  // A children event changes the list of children, not a value: its detail says what, with no diff.
  const childrenOnly = event.type === 'children';
  return (
    <Dialog
      size={childrenOnly ? undefined : 'wide'}
      testId="event-diff-dialog"
      title={
        <span>
          {t(`eventType.${event.type}`)} <span className="mono">{event.path}</span>
        </span>
      }
      onClose={onClose}
    >
      <div className="event-diff">
        <div className="event-diff-facts">
          <span>
            <span className="muted">{t('eventDiffDialog.received')} </span>
            {clockTime(event.time)}
          </span>
          {event.mark !== null && (
            <span>
              <span className="muted">
                {markKind ? t(`markKind.${markKind}`) : t('eventDiffDialog.mark')}{' '}
              </span>
              <span className="mono">{event.mark}</span>
            </span>
          )}
          {event.version !== null && (
            <span>
              <span className="muted">{t('eventDiffDialog.version')} </span>
              <span className="mono">{event.version}</span>
            </span>
          )}
          <span className="muted">#{event.seq}</span>
          <span className="spacer" />
          {!childrenOnly && <span className="muted">{t('eventDiffDialog.beforeLeftAfterRight')}</span>}
        </div>
        {event.detail !== null && (
          // What the store said of this change: children added and removed, found after a gap, changed again.
          <div className="notice notice-info" data-testid="event-detail">
            {say(event.detail)}
          </div>
        )}
        {!childrenOnly &&
          notices.map((notice) => (
            <div key={notice} className="notice notice-info" data-testid="event-diff-notice">
              {notice}
            </div>
          ))}
        {!childrenOnly && sameValues(event) && (
          <div className="notice notice-info" data-testid="event-diff-notice">
            {t('eventDiffDialog.theValueDidNot')}
          </div>
        )}
        {!childrenOnly && (
          <div className="event-diff-editor">
            <DiffEditor
              original={before.text}
              modified={after.text}
              language={eventLanguage(before, after)}
              testId="event-diff"
            />
          </div>
        )}
      </div>
    </Dialog>
  );
}
