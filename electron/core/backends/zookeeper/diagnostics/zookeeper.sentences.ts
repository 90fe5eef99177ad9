import { asSentence } from '../../../../../shared/sentences/sentence-table.js';

/** `nothing listens on …` → `Nothing listens on ….`: a reason as one sentence (the UI reads it back). */
export function sentence(reason: string): string {
  return asSentence(reason);
}

/** `1,204`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
