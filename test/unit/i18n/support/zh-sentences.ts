import { coreSentences, type SentenceTranslate } from '../../../../renderer/src/i18n/core-sentences.js';
import { createI18n } from '../../../../renderer/src/i18n/create-i18n.js';

/** The core's sentences as the UI writes them in 简体中文, through the bundled catalogue. */
export function zhSentences(): (text: string) => string {
  const i18n = createI18n('zh-CN');
  return coreSentences(i18n.t.bind(i18n) as unknown as SentenceTranslate);
}
