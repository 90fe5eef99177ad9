import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.js';
import { Button } from '../../components/Button.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useClient } from '../../transport/ClientContext.js';
import { emptyConnectionForm } from '../connections/connection-form.model.js';
import { ConnectionFormDialog } from '../connections/ConnectionFormDialog.js';
import { useSession } from '../session/SessionProvider.js';
import './FirstRun.css';

/**
 * The main screen before any profile is saved: add a connection (the usual form), or open the two example
 * snapshots shipped with ConfigDeck, each in a tab, so browsing and comparing can be tried at once.
 */
export function FirstRun() {
  const { t } = useTranslation('tabs');
  const client = useClient();
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const { connect } = useSession();
  const [adding, setAdding] = useState(false);
  const [opening, setOpening] = useState(false);

  const openExamples = async () => {
    setOpening(true);
    try {
      const profiles = await client.call('examples.open', {});
      // The sidebar (and the tabs, which drop tabs of unknown profiles) must know them before they open.
      await queryClient.invalidateQueries({ queryKey: queryKeys.connections() });
      // One after the other, so the tabs come in the examples' order (prod, then staging).
      for (const profile of profiles) await connect(profile);
    } catch (error) {
      showError(error, t('firstRun.openExamples'));
    } finally {
      setOpening(false);
    }
  };

  return (
    <section className="first-run" data-testid="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p>{t('firstRun.intro')}</p>
      <div className="first-run-actions">
        <Button tone="primary" testId="first-run-add" onClick={() => setAdding(true)}>
          {t('firstRun.addConnection')}
        </Button>
        <Button
          testId="first-run-examples"
          busy={opening}
          busyLabel={t('firstRun.openingExamples')}
          onClick={() => void openExamples()}
        >
          {t('firstRun.openExamples')}
        </Button>
      </div>
      <p className="muted first-run-hint">{t('firstRun.examplesHint')}</p>
      {adding && <ConnectionFormDialog initial={emptyConnectionForm()} onClose={() => setAdding(false)} />}
    </section>
  );
}
