import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Icon } from '../../components/Icon.js';
import { PaletteButton } from '../palette/PaletteButton.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { TabList } from '../../components/TabList.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import { useSession } from '../session/SessionProvider.js';
import { isInsecureProfile } from '../../lib/profile-input.js';
import type { AppTab } from './app-tabs.js';
import './AppHeader.css';

export type { AppTab } from './app-tabs.js';

/** The top bar: which connection and environment this window is on, and the view tabs. */
export function AppHeader({
  tab,
  tabs,
  onTab,
}: {
  tab: AppTab;
  tabs: readonly AppTab[];
  onTab: (tab: AppTab) => void;
}) {
  const { t } = useTranslation('layout');
  const labels = useCoreLabels();

  const { active, disconnect } = useSession();
  const env = active?.profile.environment ?? null;
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <header className="app-header" data-env={env ?? 'none'}>
      <span className="app-logo">ConfigDeck</span>
      {active && env ? (
        <div className="header-conn">
          <span className="env-label" data-testid="env-label" data-env={env}>
            {t(`appHeader.env.${env}`)}
          </span>
          <span className="header-conn-name" data-testid="active-connection-name">
            {active.profile.name}
          </span>
          <span className="header-conn-sub">
            {labels.kind(active.profile.kind).label} · {active.profile.endpoints.join(', ')}
          </span>
          {active.profile.readOnly && (
            <span
              className="badge badge-lock"
              data-testid="read-only-badge"
              title={t('appHeader.writesAreRefusedOn')}
            >
              <Icon name="lock" size={11} /> {t('appHeader.readOnly')}
            </span>
          )}
          {isInsecureProfile(active.profile) && (
            <span
              className="badge badge-insecure"
              data-testid="header-insecure-badge"
              title={t('appHeader.tlsCertificateVerificationIs')}
            >
              {t('appHeader.insecureTls')}
            </span>
          )}
        </div>
      ) : (
        <div className="header-conn muted">{t('appHeader.noConnectionOpen')}</div>
      )}
      <TabList
        as="nav"
        className="header-tabs"
        tabClassName="header-tab"
        tabs={tabs}
        active={tab}
        onSelect={onTab}
        testIdOf={(t) => `${t}-tab`}
        labelOf={(tab) => t(`appTabs.${tab}`)}
      />
      {active && (
        <button className="btn btn-sm" data-testid="header-disconnect" onClick={disconnect}>
          {t('appHeader.disconnect')}
        </button>
      )}
      <PaletteButton />
      <button
        className="btn btn-sm btn-ghost header-settings"
        data-testid="header-settings"
        aria-label={t('appHeader.settings')}
        title={t('appHeader.settings')}
        onClick={() => setSettingsOpen(true)}
      >
        <Icon name="gear" size={14} />
      </button>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </header>
  );
}
