import type { DiagnosticNote } from '../../shared/model/diagnostics.js';

/** Notes as printed lines: the sentence, then the text to apply (a zoo.cfg line) indented below it. */
export function notesLines(notes: readonly DiagnosticNote[]): string[] {
  return notes.flatMap((note) => [`Note: ${note.message}`, ...(note.fix === null ? [] : [`  ${note.fix}`])]);
}
