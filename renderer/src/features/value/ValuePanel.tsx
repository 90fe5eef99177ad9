import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import { useNodeValue } from '../../api/useNodeValue.js';
import { useWatchSubscription } from '../../api/useWatchSubscription.js';
import { hasCode } from '../../errors/error-messages.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { initialFormat } from '../../lib/declared-format.js';
import { hexDump } from '../../lib/hex-dump.js';
import { parentPath } from '../../../../shared/paths.js';
import { MONACO_LANGUAGE } from '../../lib/value-format.js';
import { CodeEditor } from '../../monaco/LazyEditors.js';
import { ConflictPanel } from '../edit/ConflictPanel.js';
import { HistoryView } from '../history/HistoryView.js';
import { MissingNodeHistory } from '../history/MissingNodeHistory.js';
import { ListenersView } from '../listeners/ListenersView.js';
import { WatchersView } from '../watchers/WatchersView.js';
import { useCoreLabels } from '../../i18n/useCoreLabels.js';
import type { ActiveSession } from '../session/active-session.js';
import { useReportUnsaved } from '../tabs/useReportUnsaved.js';
import { MetadataPanel } from './MetadataPanel.js';
import { useSaveFlow } from './useSaveFlow.js';
import { useValueEditor } from './useValueEditor.js';
import { useViewFormat } from './useViewFormat.js';
import { ValueDialogs } from './ValueDialogs.js';
import { ValueNotices } from './ValueNotices.js';
import { ValuePaneTabs } from './ValuePaneTabs.js';
import { valuePanes, type ValuePane } from './value-panes.js';
import { ValueToolbar } from './ValueToolbar.js';
import '../edit/edit.css';
import './ValuePanel.css';

interface Props {
  active: ActiveSession;
  path: string;
  onSelect: (path: string) => void;
  metaOpen: boolean;
  onToggleMeta: () => void;
  /** The pane shown (kept by the browser, so it stays on History or Listeners from node to node). */
  pane: ValuePane;
  onPane: (pane: ValuePane) => void;
}

/**
 * The open node: value in Monaco (or hex), metadata, the guarded save / create / delete flows, and where
 * the store has them, the value's history and its listening clients.
 */
export function ValuePanel({ active, path, onSelect, metaOpen, onToggleMeta, pane: wanted, onPane }: Props) {
  const { t } = useTranslation('value');
  const labels = useCoreLabels();
  const { describe } = useDescribeError();

  const connectionId = active.session.connectionId;
  const readOnly = active.profile.readOnly;
  const [full, setFull] = useState(false);
  const query = useNodeValue(connectionId, path, full);
  useWatchSubscription(connectionId, path, false);
  const editor = useValueEditor(query.data);
  // Closing this connection's tab asks first while the edit is unsaved.
  useReportUnsaved(active.profile.id, editor.dirty);
  const meta = editor.base?.meta;
  const detected = useMemo(
    () => initialFormat(meta ?? [], editor.binary, editor.baseText),
    [meta, editor.binary, editor.baseText],
  );
  const view = useViewFormat(connectionId, path, detected);
  const format = view.format;
  const hex = format === 'hex';
  const base = editor.base;
  const editable = !!base && !readOnly && !base.truncated && !editor.binary && !hex;
  const flow = useSaveFlow(editor, { connectionId, path, format, editable });
  const { compare, invalid } = flow;
  const watchersUnknown = labels.kind(active.profile.kind).watchersUnknown;
  const panes = valuePanes(active.session.capabilities, base?.hasValue ?? false, watchersUnknown);
  const pane = panes.includes(wanted) ? wanted : 'value';

  if (!base) {
    if (hasCode(query.error, 'NOT_FOUND')) {
      return (
        <MissingNodeHistory
          connectionId={connectionId}
          path={path}
          prod={active.profile.environment === 'prod'}
          cannotWrite={readOnly ? t('valuePanel.readOnlyRestore') : null}
        />
      );
    }
    if (query.isError) {
      const error = describe(query.error);
      return (
        <div className="empty-state" data-testid="value-error" data-code={error.code}>
          <h2>{error.title}</h2>
          <span>{error.message}</span>
        </div>
      );
    }
    return <div className="empty-state">{t('valuePanel.loading', { path })}</div>;
  }

  const language = MONACO_LANGUAGE[format];
  const deletedOnServer = hasCode(query.error, 'NOT_FOUND');
  const editorValue = hex
    ? hexDump(editor.binary ? editor.baseBytes : new TextEncoder().encode(editor.text))
    : editor.text;
  const latest = query.data ?? base;

  return (
    <div className="value-panel" data-testid="value-panel" data-path={path} data-pane={pane}>
      {panes.length > 1 && <ValuePaneTabs panes={panes} pane={pane} onPane={onPane} dirty={editor.dirty} />}
      {pane === 'history' && (
        <HistoryView
          connectionId={connectionId}
          path={path}
          current={latest}
          language={language}
          prod={active.profile.environment === 'prod'}
          cannotWrite={readOnly ? t('valuePanel.readOnlyRestore') : null}
          deleted={deletedOnServer}
          dirty={editor.dirty}
          onRestored={flow.adoptWritten}
          onConflict={(error, attempted) => {
            flow.showWriteConflict(error, attempted);
            onPane('value');
          }}
        />
      )}
      {pane === 'listeners' && <ListenersView connectionId={connectionId} path={path} />}
      {pane === 'watchers' && (
        <WatchersView
          connectionId={connectionId}
          path={path}
          capabilities={active.session.capabilities}
          watchersUnknown={watchersUnknown}
        />
      )}
      {pane === 'value' && (
        <>
          <ValueToolbar
            format={format}
            remembered={view.remembered}
            onFormat={view.setFormat}
            size={base.size}
            token={base.token}
            dirty={editor.dirty}
            canSave={flow.canSave}
            canWrite={!readOnly}
            canDelete={!readOnly && path !== '/'}
            saving={flow.saving}
            onSave={flow.startSave}
            onRevert={editor.revert}
            onCreate={() => flow.setDialog('create')}
            onDelete={() => flow.setDialog('delete')}
            metaOpen={metaOpen}
            onToggleMeta={onToggleMeta}
          />
          <ValueNotices
            truncated={base.truncated}
            size={base.size}
            loadingFull={full && query.isFetching}
            onLoadFull={() => setFull(true)}
            binary={editor.binary}
            readOnlyConnection={readOnly}
            noValue={!base.hasValue}
            serverChanged={editor.serverChange !== null && compare === null}
            deletedOnServer={deletedOnServer}
            onShowServer={flow.showServerVersion}
            onReloadServer={flow.reloadServer}
          />
          <div className="value-body">
            <div className="value-editor-area">
              {compare ? (
                <ConflictPanel
                  reason={compare.reason}
                  serverText={
                    compare.valueBase64 === null
                      ? null
                      : decodeUtf8Lenient(base64ToBytes(compare.valueBase64))
                  }
                  mineText={editor.text}
                  language={language}
                  onReloadServer={flow.reloadServer}
                  onKeepEditing={flow.keepEditing}
                />
              ) : (
                <CodeEditor
                  value={editorValue}
                  valueKey={`${editor.version}:${hex ? 'hex' : 'text'}`}
                  language={language}
                  readOnly={!editable}
                  onChange={hex ? undefined : flow.onEdit}
                  onSave={flow.startSave}
                  marker={
                    invalid ? { line: invalid.line, column: invalid.column, message: invalid.message } : null
                  }
                />
              )}
            </div>
            {!compare && metaOpen && (
              <MetadataPanel
                meta={latest.meta}
                acls={active.session.capabilities.acls ? latest.acls : null}
                aclEdit={
                  active.session.capabilities.aclEditing && !readOnly
                    ? {
                        connectionId,
                        connectionName: active.profile.name,
                        path,
                        prod: active.profile.environment === 'prod',
                      }
                    : null
                }
              />
            )}
          </div>
        </>
      )}
      <ValueDialogs
        dialog={flow.dialog}
        setDialog={flow.setDialog}
        active={active}
        path={path}
        format={format}
        language={language}
        invalid={invalid}
        originalText={editor.baseText}
        editedText={editor.text}
        saving={flow.saving}
        onConfirmSave={flow.confirmSave}
        childCount={latest.childCount}
        token={base.token}
        onCreated={onSelect}
        onDeleted={() => onSelect(parentPath(path) ?? '/')}
      />
    </div>
  );
}
