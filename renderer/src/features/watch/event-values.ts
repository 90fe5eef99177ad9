import type { TFunction } from 'i18next';
import type { StreamEvent, StreamValue } from '../../../../shared/model/event-stream.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
import { detectTextFormat } from '../../lib/format-detect.js';
import { MONACO_LANGUAGE } from '../../lib/value-format.js';

/** One side of an event's diff: the text to show, or why there is none. */
export interface DiffSide {
  text: string;
  /** A sentence instead of the value (kept as size and hash, not known, none); null when the text is it. */
  notice: string | null;
}

/** What a diff shows for a value an event carries. */
export function diffSide(
  value: StreamValue | null,
  known: boolean,
  side: 'before' | 'after',
  t: TFunction<'watch'>,
  f: LocaleFormats,
): DiffSide {
  if (!known) {
    return {
      text: '',
      notice: t(`diffSide.unknown.${side}`),
    };
  }
  if (value === null)
    return {
      text: '',
      notice: side === 'before' ? t('diffSide.noneBefore') : t('diffSide.noneAfter'),
    };
  if (value.base64 === null) {
    return {
      text: '',
      notice: t(`diffSide.hashOnly.${side}`, { size: f.bytes(value.size), sha256: value.sha256 }),
    };
  }
  return { text: decodeUtf8Lenient(base64ToBytes(value.base64)), notice: null };
}

/** The diff's Monaco language, guessed from the value after (or before, for a deletion). */
export function eventLanguage(before: DiffSide, after: DiffSide): string {
  const sample = after.text !== '' ? after.text : before.text;
  return MONACO_LANGUAGE[detectTextFormat(sample)];
}

/** Both values are known and whole and the same bytes: the change touched the version only. */
export function sameValues(event: StreamEvent): boolean {
  return (
    event.beforeKnown &&
    event.before !== null &&
    event.after !== null &&
    event.before.sha256 === event.after.sha256
  );
}
