import 'i18next';
import type common from './locales/en/common.json';
import type palette from './locales/en/palette.json';
import type settings from './locales/en/settings.json';
import type tabs from './locales/en/tabs.json';

// Typed keys: t('settings:theme.legend') is checked against the English catalogue at compile time.
// A new namespace adds its English file here.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      palette: typeof palette;
      settings: typeof settings;
      tabs: typeof tabs;
    };
  }
}
