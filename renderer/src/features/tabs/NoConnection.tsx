import { useTranslation } from 'react-i18next';
import { useConnections } from '../../api/useConnections.js';
import { FirstRun } from './FirstRun.js';

/** The main screen with no tab open: the first-run offer while no profile is saved, else how to open one. */
export function NoConnection() {
  const { t } = useTranslation('tabs');
  const profiles = useConnections();
  // Nothing until the list is known: the first-run offer must not flash for a user who has profiles.
  if (profiles.isPending) return null;
  if (profiles.isSuccess && profiles.data.length === 0) return <FirstRun />;
  return (
    <div className="empty-state" data-testid="no-connection">
      <h2>{t('noConnection.title')}</h2>
      <span>{t('noConnection.body')}</span>
    </div>
  );
}
