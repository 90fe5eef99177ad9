import { useTranslation } from 'react-i18next';
import type { ServerFeature } from '../../../../shared/model/server-features.js';
import { DataTag } from '../../components/DataTag.js';
import { Dialog } from '../../components/Dialog.js';
import './ServerInfoDialog.css';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

interface Props {
  connectionName: string;
  server: string | null;
  features: readonly ServerFeature[];
  onClose: () => void;
}

/** What the connected server offers (TLS, persistent watches, TTL nodes, …) with how each was found out. */
export function ServerInfoDialog({ connectionName, server, features, onClose }: Props) {
  const { t } = useTranslation('session');
  const say = useCoreSentence();

  const footer = (
    <>
      <span className="muted">{t('serverInfoDialog.detectedWhenTheConnection')}</span>
      <span className="spacer" />
      <button className="btn" data-testid="server-info-close" onClick={onClose}>
        {t('serverInfoDialog.close')}
      </button>
    </>
  );
  return (
    <Dialog
      title={t('serverInfoDialog.serverInfo', { connectionName })}
      onClose={onClose}
      footer={footer}
      testId="server-info"
    >
      {server && (
        <div data-testid="server-info-server">
          <span className="muted">{t('serverInfoDialog.server')}</span> {say(server)}
        </div>
      )}
      <table className="server-features">
        <tbody>
          {features.map((feature) => (
            <tr
              key={feature.name}
              data-testid="server-feature"
              data-name={feature.name}
              data-status={feature.status}
            >
              <th scope="row">{say(feature.name)}</th>
              <td>
                <DataTag
                  className="badge feature-status"
                  name="status"
                  value={feature.status}
                  label={t(`serverInfoDialog.status.${feature.status}`)}
                />
              </td>
              <td className="muted">{feature.detail === null ? null : say(feature.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
