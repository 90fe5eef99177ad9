import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';

interface Props {
  truncated: boolean;
  size: number;
  loadingFull: boolean;
  onLoadFull: () => void;
  binary: boolean;
  readOnlyConnection: boolean;
  noValue: boolean;
  serverChanged: boolean;
  deletedOnServer: boolean;
  onShowServer: () => void;
  onReloadServer: () => void;
}

/** The banners above the editor: big value, binary, read-only, changed or deleted on the server. */
export function ValueNotices(p: Props) {
  const format = useFormat();

  const { t } = useTranslation('value');

  return (
    <>
      {p.deletedOnServer && (
        <div className="notice notice-danger" data-testid="deleted-banner">
          <b>{t('valueNotices.thisNodeWasDeleted')}</b> {t('valueNotices.yourTextIsKept')}
        </div>
      )}
      {p.serverChanged && !p.deletedOnServer && (
        <div className="notice notice-warn" data-testid="server-changed-banner">
          <span>
            <b>{t('valueNotices.changedOnTheServer')}</b> {t('valueNotices.yourUnsavedEditsAre')}
          </span>
          <span className="spacer" />
          <button className="btn btn-sm" data-testid="show-server-version" onClick={p.onShowServer}>
            {t('valueNotices.showServerVersion')}
          </button>
          <button className="btn btn-sm" data-testid="reload-server-value" onClick={p.onReloadServer}>
            {t('valueNotices.discardMineAndReload')}
          </button>
        </div>
      )}
      {p.truncated && (
        <div className="notice notice-info" data-testid="truncated-notice">
          {t('valueNotices.thisValueIsShowing', { size: format.bytes(p.size) })}
          <span className="spacer" />
          <button
            className="btn btn-sm"
            data-testid="load-full-value"
            disabled={p.loadingFull}
            onClick={p.onLoadFull}
          >
            {p.loadingFull ? t('valueNotices.loading') : t('valueNotices.loadFullValue')}
          </button>
        </div>
      )}
      {p.binary && (
        <div className="notice notice-info" data-testid="binary-notice">
          {t('valueNotices.binaryValueNotValid', { size: format.bytes(p.size) })}
        </div>
      )}
      {p.noValue && (
        <div className="notice notice-info" data-testid="no-value-notice">
          {t('valueNotices.thisPathHasNo')}
        </div>
      )}
      {p.readOnlyConnection && (
        <div className="notice notice-warn" data-testid="readonly-notice">
          {t('valueNotices.readOnlyConnectionValues')}
        </div>
      )}
    </>
  );
}
