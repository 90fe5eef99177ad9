import { formatBytes } from '../../lib/format-bytes.js';

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
  return (
    <>
      {p.deletedOnServer && (
        <div className="notice notice-danger" data-testid="deleted-banner">
          <b>This node was deleted on the server.</b> Your text is kept here; saving will fail.
        </div>
      )}
      {p.serverChanged && !p.deletedOnServer && (
        <div className="notice notice-warn" data-testid="server-changed-banner">
          <span>
            <b>Changed on the server since you opened it.</b> Your unsaved edits are kept.
          </span>
          <span className="spacer" />
          <button className="btn btn-sm" data-testid="show-server-version" onClick={p.onShowServer}>
            Show server version
          </button>
          <button className="btn btn-sm" data-testid="reload-server-value" onClick={p.onReloadServer}>
            Discard mine and reload
          </button>
        </div>
      )}
      {p.truncated && (
        <div className="notice notice-info" data-testid="truncated-notice">
          This value is {formatBytes(p.size)}; showing the first 1 MiB read-only.
          <span className="spacer" />
          <button
            className="btn btn-sm"
            data-testid="load-full-value"
            disabled={p.loadingFull}
            onClick={p.onLoadFull}
          >
            {p.loadingFull ? 'Loading…' : 'Load full value'}
          </button>
        </div>
      )}
      {p.binary && (
        <div className="notice notice-info" data-testid="binary-notice">
          Binary value ({formatBytes(p.size)}): not valid UTF-8 text, shown read-only.
        </div>
      )}
      {p.noValue && (
        <div className="notice notice-info" data-testid="no-value-notice">
          This path has no value of its own (it only groups children).
        </div>
      )}
      {p.readOnlyConnection && (
        <div className="notice notice-warn" data-testid="readonly-notice">
          Read-only connection: values can be viewed, not changed.
        </div>
      )}
    </>
  );
}
