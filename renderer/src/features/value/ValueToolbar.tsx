import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { formatBytes } from '../../lib/format-bytes.js';
import { FORMAT_LABELS, VALUE_FORMATS, type ValueFormat } from '../../lib/value-format.js';

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
  const { format, remembered, onFormat, size, token, dirty, canSave, canWrite, saving } = props;
  return (
    <div className="value-toolbar">
      <label className="value-format">
        <span className="muted">View</span>
        <select
          className="input"
          data-testid="format-select"
          value={format}
          onChange={(e) => onFormat(e.target.value as ValueFormat)}
        >
          {VALUE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
        {!remembered && <span className="muted value-auto">auto</span>}
      </label>
      <span className="muted nowrap" data-testid="value-size">
        {formatBytes(size)}
      </span>
      {token !== null && (
        <span
          className="muted mono nowrap"
          data-testid="value-token"
          title={`Concurrency token sent with a save (version / revision / md5): ${token}`}
        >
          rev {shortToken(token)}
        </span>
      )}
      <span className="spacer" />
      {dirty && (
        <span className="value-dirty" data-testid="unsaved-marker">
          ● unsaved
        </span>
      )}
      <button className="btn btn-sm" data-testid="revert-button" disabled={!dirty} onClick={props.onRevert}>
        Revert
      </button>
      <button
        className="btn btn-sm btn-primary"
        data-testid="save-button"
        disabled={!canSave || saving}
        onClick={props.onSave}
        title="Save (Ctrl+S)"
      >
        <Icon name="save" size={12} /> {saving ? 'Saving…' : 'Save…'}
      </button>
      <span className="toolbar-sep" />
      <Button
        small
        testId="create-node-button"
        disabled={!canWrite}
        onClick={props.onCreate}
        title="Create a child of this node"
      >
        <Icon name="plus" size={12} /> Child
      </Button>
      <Button
        small
        testId="delete-button"
        disabled={!props.canDelete}
        onClick={props.onDelete}
        title="Delete this node"
      >
        <Icon name="trash" size={12} /> Delete
      </Button>
      <button
        className="btn btn-sm btn-ghost"
        data-testid="toggle-meta"
        aria-pressed={props.metaOpen}
        onClick={props.onToggleMeta}
        title={props.metaOpen ? 'Hide metadata' : 'Show metadata'}
      >
        {props.metaOpen ? 'Info ▸' : '◂ Info'}
      </button>
    </div>
  );
}
