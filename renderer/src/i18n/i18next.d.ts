import 'i18next';
import type access from './locales/en/access.json';
import type acl from './locales/en/acl.json';
import type audit from './locales/en/audit.json';
import type browser from './locales/en/browser.json';
import type cluster from './locales/en/cluster.json';
import type common from './locales/en/common.json';
import type palette from './locales/en/palette.json';
import type settings from './locales/en/settings.json';
import type tabs from './locales/en/tabs.json';
import type compare from './locales/en/compare.json';
import type coreLabels from './locales/en/coreLabels.json';
import type connections from './locales/en/connections.json';
import type copy from './locales/en/copy.json';
import type edit from './locales/en/edit.json';
import type errors from './locales/en/errors.json';
import type history from './locales/en/history.json';
import type layout from './locales/en/layout.json';
import type listeners from './locales/en/listeners.json';
import type registry from './locales/en/registry.json';
import type search from './locales/en/search.json';
import type servers from './locales/en/servers.json';
import type services from './locales/en/services.json';
import type sentencesAcl from './locales/en/sentencesAcl.json';
import type sentencesSearch from './locales/en/sentencesSearch.json';
import type sentencesAudit from './locales/en/sentencesAudit.json';
import type sentencesCopy from './locales/en/sentencesCopy.json';
import type sentencesConsul from './locales/en/sentencesConsul.json';
import type sentencesEtcd from './locales/en/sentencesEtcd.json';
import type sentencesNacos from './locales/en/sentencesNacos.json';
import type sentencesZookeeper from './locales/en/sentencesZookeeper.json';
import type session from './locales/en/session.json';
import type tree from './locales/en/tree.json';
import type value from './locales/en/value.json';
import type watch from './locales/en/watch.json';
import type watchers from './locales/en/watchers.json';

// Typed keys: t('settings:theme.legend') is checked against the English catalogue at compile time.
// A new namespace adds its English file here.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      access: typeof access;
      acl: typeof acl;
      audit: typeof audit;
      browser: typeof browser;
      cluster: typeof cluster;
      common: typeof common;
      palette: typeof palette;
      settings: typeof settings;
      tabs: typeof tabs;
      compare: typeof compare;
      coreLabels: typeof coreLabels;
      connections: typeof connections;
      copy: typeof copy;
      edit: typeof edit;
      errors: typeof errors;
      history: typeof history;
      layout: typeof layout;
      listeners: typeof listeners;
      registry: typeof registry;
      search: typeof search;
      servers: typeof servers;
      services: typeof services;
      sentencesAcl: typeof sentencesAcl;
      sentencesSearch: typeof sentencesSearch;
      sentencesAudit: typeof sentencesAudit;
      sentencesCopy: typeof sentencesCopy;
      sentencesConsul: typeof sentencesConsul;
      sentencesEtcd: typeof sentencesEtcd;
      sentencesNacos: typeof sentencesNacos;
      sentencesZookeeper: typeof sentencesZookeeper;
      session: typeof session;
      tree: typeof tree;
      value: typeof value;
      watch: typeof watch;
      watchers: typeof watchers;
    };
  }
}
