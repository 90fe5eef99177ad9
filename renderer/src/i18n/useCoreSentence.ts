import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CORE_SENTENCE_TABLES, type SentenceNamespace } from '../../../shared/sentences/core-sentences.js';
import { FALLBACK_LANGUAGE } from './languages.js';
import { coreSentences, sentencePatterns, type SentenceTranslate } from './core-sentences.js';

const NAMESPACES = Object.keys(CORE_SENTENCE_TABLES) as SentenceNamespace[];
// Derived once from the constant tables; read-only.
const PATTERNS = sentencePatterns();

/**
 * The core's sentences (diagnostic notes, reasons, disagreements, feature details) in the UI's language;
 * a text that is not one of them comes back as it is.
 */
export function useCoreSentence(): (text: string) => string {
  const { t, i18n } = useTranslation(NAMESPACES);
  // The keys come from the shared tables at run time, so the compiler cannot check them against the
  // catalogue; test/unit/i18n/core-sentences.test.ts does (every key in both languages).
  const translate = t as unknown as SentenceTranslate;
  // In English the core's own text is what the catalogue says (the unit test holds them equal): shown as is.
  const english = i18n.resolvedLanguage === FALLBACK_LANGUAGE;
  return useMemo(
    () => (english ? (text: string) => text : coreSentences(translate, PATTERNS)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [translate, english, i18n.language],
  );
}
