import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { VALUE_FORMATS, type ValueFormat } from '../../lib/value-format.js';

interface Props {
  format: ValueFormat;
  remembered: boolean;
  onFormat: (format: ValueFormat) => void;
  size: number;
  token: string | null;
  dirty: boolean;
  canSave: boolean;
  canWrite: boolean;
  /** The root can never be deleted. */
  canDelete: boolean;
  saving: boolean;
  onSave: () => void;
  onRevert: () => void;
  onCreate: () => void;
  onDelete: () => void;
  metaOpen: boolean;
  onToggleMeta: () => void;
}

/** Long tokens (a Nacos md5) are cut so the write actions stay in view; the full one is in the tooltip. */
function shortToken(token: string): string {
  return token.length > 10 ? `${token.slice(0, 8)}…` : token;
}

/** View switch, size and token, and the write actions of the open node. */
export function ValueToolbar(props: Props) {
  const locale = useFormat();

  const { t } = useTranslation('value');
  const { t: tCommon } = useTranslation('common');

  const { format, remembered, onFormat, size, token, dirty, canSave, canWrite, saving } = props;
  return (
    <div className="value-toolbar">
      <label className="value-format">
        <span className="muted">{t('valueToolbar.view')}</span>
        <select
          className="input"
          data-testid="format-select"
          value={format}
          onChange={(e) => onFormat(e.target.value as ValueFormat)}
        >
          {VALUE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {tCommon(`format.${f}`)}
            </option>
          ))}
        </select>
        {!remembered && <span className="muted value-auto">{t('valueToolbar.auto')}</span>}
      </label>
      <span className="muted nowrap" data-testid="value-size">
        {locale.bytes(size)}
      </span>
      {token !== null && (
        <span
          className="muted mono nowrap"
          data-testid="value-token"
          title={t('valueToolbar.concurrencyTokenSentWith', { token })}
        >
          {t('valueToolbar.rev', { shortToken: shortToken(token) })}
        </span>
      )}
      <span className="spacer" />
      {dirty && (
        <span className="value-dirty" data-testid="unsaved-marker">
          {t('valueToolbar.unsaved')}
        </span>
      )}
      <button className="btn btn-sm" data-testid="revert-button" disabled={!dirty} onClick={props.onRevert}>
        {t('valueToolbar.revert')}
      </button>
      <button
        className="btn btn-sm btn-primary"
        data-testid="save-button"
        disabled={!canSave || saving}
        onClick={props.onSave}
        title={t('valueToolbar.saveCtrlS')}
      >
        <Icon name="save" size={12} /> {saving ? t('valueToolbar.saving') : t('valueToolbar.save')}
      </button>
      <span className="toolbar-sep" />
      <Button
        small
        testId="create-node-button"
        disabled={!canWrite}
        onClick={props.onCreate}
        title={t('valueToolbar.createAChildOf')}
      >
        <Icon name="plus" size={12} /> {t('valueToolbar.child')}
      </Button>
      <Button
        small
        testId="delete-button"
        disabled={!props.canDelete}
        onClick={props.onDelete}
        title={t('valueToolbar.deleteThisNode')}
      >
        <Icon name="trash" size={12} /> {t('valueToolbar.delete')}
      </Button>
      <button
        className="btn btn-sm btn-ghost"
        data-testid="toggle-meta"
        aria-pressed={props.metaOpen}
        onClick={props.onToggleMeta}
        title={props.metaOpen ? t('valueToolbar.hideMetadata') : t('valueToolbar.showMetadata')}
      >
        {props.metaOpen ? t('valueToolbar.info') : t('valueToolbar.info2')}
      </button>
    </div>
  );
}
