import { useTranslation } from 'react-i18next';
import type { Capabilities } from '../../../../shared/model/capabilities.js';
import { WhoOwns } from './WhoOwns.js';
import { WhoWatches } from './WhoWatches.js';
import '../registry/registry.css';
import '../servers/ServersView.css';
import './WatchersView.css';

interface Props {
  connectionId: string;
  path: string;
  capabilities: Capabilities;
  /** The kind's sentence where its store cannot tell who watches (etcd, Consul). */
  watchersUnknown: string | null;
}

/** The Watchers pane: who watches this path (or why the store cannot tell), and who owns it. */
export function WatchersView({ connectionId, path, capabilities, watchersUnknown }: Props) {
  const { t } = useTranslation('watchers');

  return (
    <div className="watchers-view registry-scroll" data-testid="watchers-view">
      {capabilities.watchers ? (
        <WhoWatches key={path} connectionId={connectionId} path={path} />
      ) : (
        <section>
          <div className="section-title caps-title watchers-title">
            <span>{t('watchersView.whoWatches', { path })}</span>
          </div>
          <div className="pad warn-text" data-testid="watchers-unknown">
            {watchersUnknown ?? t('watchersView.thisStoreDoesNot')}
          </div>
        </section>
      )}
      {capabilities.owners && <WhoOwns key={path} connectionId={connectionId} path={path} />}
    </div>
  );
}
