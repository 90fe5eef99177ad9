import { useTranslation } from 'react-i18next';
import type { DiagnosticNote } from '../../../../shared/model/diagnostics.js';
import { useCopyToClipboard } from '../../hooks/useCopyToClipboard.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** The exact text to apply (a zoo.cfg line), with a copy button. */
export function FixLine({ fix }: { fix: string }) {
  const { t } = useTranslation('servers');

  const { copy, copied } = useCopyToClipboard();
  return (
    <span className="fix-line">
      <code className="mono" data-testid="note-fix">
        {fix}
      </code>
      <button className="btn btn-sm" data-testid="note-fix-copy" onClick={() => copy(fix)}>
        {copied ? t('fixLine.copied') : t('fixLine.copy')}
      </button>
    </span>
  );
}

/** Sentences about an answer, each with the line that fixes it where there is one. */
export function DiagnosticNotes({
  notes,
  testId = 'diagnostic-note',
}: {
  notes: readonly DiagnosticNote[];
  testId?: string;
}) {
  const say = useCoreSentence();
  if (notes.length === 0) return null;
  return (
    <ul className="diagnostic-notes">
      {notes.map((note, index) => (
        <li key={index} data-testid={testId}>
          <span>{say(note.message)}</span>
          {note.fix !== null && <FixLine fix={note.fix} />}
        </li>
      ))}
    </ul>
  );
}
