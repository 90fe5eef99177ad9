import { useCoreSentence } from '../../i18n/useCoreSentence.js';

/** The sentences on what the list holds: that the server keeps none and what it is made of, where it stops. */
export function HistoryNotes({ notes }: { notes: readonly string[] }) {
  const say = useCoreSentence();
  if (notes.length === 0) return null;
  return (
    <div className="notice notice-info history-notes" data-testid="history-notes">
      <div>
        {notes.map((note, index) => (
          <p key={index} className="history-note" data-testid="history-note">
            {say(note)}
          </p>
        ))}
      </div>
    </div>
  );
}
