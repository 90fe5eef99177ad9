import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bundledCatalogue, type Catalogue } from './catalogue.js';
import { FALLBACK_LANGUAGE, type Language } from './languages.js';

/**
 * A fresh i18next instance for one window (never the library's global one, so tests and windows do not
 * share state). Initialised synchronously from the bundled catalogue: the first render is translated.
 */
export function createI18n(language: Language, catalogue: Catalogue = bundledCatalogue()): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: catalogue,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    defaultNS: 'common',
    ns: Object.keys(catalogue[FALLBACK_LANGUAGE]),
    initAsync: false,
    // React escapes what it renders; escaping here would show &amp; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
