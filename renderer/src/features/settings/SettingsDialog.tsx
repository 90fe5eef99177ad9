import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { SETTINGS_SECTIONS } from './settings-sections.js';
import './SettingsDialog.css';

/** The settings of this window (language, theme…): each section applies at once, without a restart. */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Dialog
      title={t('title')}
      onClose={onClose}
      testId="settings-dialog"
      footer={
        <>
          <span className="spacer" />
          <Button tone="primary" testId="settings-close" onClick={onClose}>
            {t('common:close')}
          </Button>
        </>
      }
    >
      <div className="settings-sections">
        {SETTINGS_SECTIONS.map(({ id, Section }) => (
          <section key={id} className="settings-section" data-testid={`settings-${id}`}>
            <Section />
          </section>
        ))}
      </div>
    </Dialog>
  );
}
