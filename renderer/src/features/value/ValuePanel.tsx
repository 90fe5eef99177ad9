import { useMemo, useState } from 'react';
import { useNodeValue } from '../../api/useNodeValue.js';
import { useWatchSubscription } from '../../api/useWatchSubscription.js';
import { describeError, hasCode } from '../../errors/error-messages.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { detectTextFormat } from '../../lib/format-detect.js';
import { hexDump } from '../../lib/hex-dump.js';
import { parentPath } from '../../lib/path-utils.js';
import { FORMAT_LABELS, MONACO_LANGUAGE } from '../../lib/value-format.js';
import { CodeEditor } from '../../monaco/LazyEditors.js';
import { ConflictPanel } from '../edit/ConflictPanel.js';
import { CreateNodeDialog } from '../edit/CreateNodeDialog.js';
import { DeleteNodeDialog } from '../edit/DeleteNodeDialog.js';
import { SaveConfirmDialog } from '../edit/SaveConfirmDialog.js';
import { ValidationErrorDialog } from '../edit/ValidationErrorDialog.js';
import type { ActiveSession } from '../session/active-session.js';
import { MetadataPanel } from './MetadataPanel.js';
import { useSaveFlow } from './useSaveFlow.js';
import { useValueEditor } from './useValueEditor.js';
import { useViewFormat } from './useViewFormat.js';
import { ValueNotices } from './ValueNotices.js';
import { ValueToolbar } from './ValueToolbar.js';
import '../edit/edit.css';
import './ValuePanel.css';

interface Props {
  active: ActiveSession;
  path: string;
  onSelect: (path: string) => void;
  metaOpen: boolean;
  onToggleMeta: () => void;
}

/** The open node: value in Monaco (or hex), metadata, and the guarded save / create / delete flows. */
export function ValuePanel({ active, path, onSelect, metaOpen, onToggleMeta }: Props) {
  const connectionId = active.session.connectionId;
  const readOnly = active.profile.readOnly;
  const prod = active.profile.environment === 'prod';
  const [full, setFull] = useState(false);
  const query = useNodeValue(connectionId, path, full);
  useWatchSubscription(connectionId, path, false);
  const editor = useValueEditor(query.data);
  const detected = useMemo(
    () => (editor.binary ? 'hex' : detectTextFormat(editor.baseText)),
    [editor.binary, editor.baseText],
  );
  const view = useViewFormat(connectionId, path, detected);
  const format = view.format;
  const hex = format === 'hex';
  const base = editor.base;
  const editable = !!base && !readOnly && !base.truncated && !editor.binary && !hex;
  const flow = useSaveFlow(editor, { connectionId, path, format, editable });
  const { dialog, setDialog, invalid, compare } = flow;

  if (!base) {
    if (query.isError) {
      const error = describeError(query.error);
      return (
        <div className="empty-state" data-testid="value-error" data-code={error.code}>
          <h2>{hasCode(query.error, 'NOT_FOUND') ? `${path} does not exist` : error.title}</h2>
          <span>{error.message}</span>
        </div>
      );
    }
    return <div className="empty-state">Loading {path}…</div>;
  }

  const language = MONACO_LANGUAGE[format];
  const deletedOnServer = hasCode(query.error, 'NOT_FOUND');
  const editorValue = hex
    ? hexDump(editor.binary ? editor.baseBytes : new TextEncoder().encode(editor.text))
    : editor.text;
  const latest = query.data ?? base;

  return (
    <div className="value-panel" data-testid="value-panel" data-path={path}>
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
        onCreate={() => setDialog('create')}
        onDelete={() => setDialog('delete')}
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
                compare.valueBase64 === null ? null : decodeUtf8Lenient(base64ToBytes(compare.valueBase64))
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
          <MetadataPanel meta={latest.meta} acls={active.session.capabilities.acls ? latest.acls : null} />
        )}
      </div>
      {dialog === 'validation' && invalid && (
        <ValidationErrorDialog
          formatLabel={FORMAT_LABELS[format]}
          message={invalid.message}
          line={invalid.line}
          column={invalid.column}
          onSaveAnyway={() => setDialog('confirm')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'confirm' && (
        <SaveConfirmDialog
          path={path}
          original={editor.baseText}
          modified={editor.text}
          language={language}
          prod={prod}
          saving={flow.saving}
          onConfirm={flow.confirmSave}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'create' && (
        <CreateNodeDialog
          active={active}
          parent={path}
          onCreated={onSelect}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && (
        <DeleteNodeDialog
          active={active}
          path={path}
          childCount={latest.childCount}
          token={base.token}
          onDeleted={() => onSelect(parentPath(path) ?? '/')}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
