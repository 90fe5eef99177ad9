import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.js';
import { useSetNodeValue } from '../../api/useNodeMutations.js';
import { useNodeValue } from '../../api/useNodeValue.js';
import { useWatchSubscription } from '../../api/useWatchSubscription.js';
import { describeError, hasCode } from '../../errors/error-messages.js';
import { useToasts } from '../../errors/ToastContext.js';
import { base64ToBytes, decodeUtf8Lenient, textToBase64 } from '../../lib/base64.js';
import { detectTextFormat } from '../../lib/format-detect.js';
import { hexDump } from '../../lib/hex-dump.js';
import { parentPath } from '../../lib/path-utils.js';
import { validateValue, type ValidationResult } from '../../lib/validate-value.js';
import { FORMAT_LABELS, MONACO_LANGUAGE } from '../../lib/value-format.js';
import { CodeEditor } from '../../monaco/LazyEditors.js';
import { ConflictPanel } from '../edit/ConflictPanel.js';
import { CreateNodeDialog } from '../edit/CreateNodeDialog.js';
import { DeleteNodeDialog } from '../edit/DeleteNodeDialog.js';
import { SaveConfirmDialog } from '../edit/SaveConfirmDialog.js';
import { ValidationErrorDialog } from '../edit/ValidationErrorDialog.js';
import type { ActiveSession } from '../session/active-session.js';
import { MetadataPanel } from './MetadataPanel.js';
import { useValueEditor } from './useValueEditor.js';
import { useViewFormat } from './useViewFormat.js';
import { ValueNotices } from './ValueNotices.js';
import { ValueToolbar } from './ValueToolbar.js';
import '../edit/edit.css';
import './ValuePanel.css';

type Dialog = 'validation' | 'confirm' | 'create' | 'delete' | null;
interface Compare {
  reason: 'conflict' | 'changed';
  valueBase64: string | null;
  token: string | null;
}

/** The open node: value in Monaco (or hex), metadata, and the guarded save / create / delete flows. */
export function ValuePanel({ active, path, onSelect }: { active: ActiveSession; path: string; onSelect: (path: string) => void }) {
  const connectionId = active.session.connectionId;
  const readOnly = active.profile.readOnly;
  const prod = active.profile.environment === 'prod';
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const [full, setFull] = useState(false);
  const query = useNodeValue(connectionId, path, full);
  useWatchSubscription(connectionId, path, false);
  const editor = useValueEditor(query.data);
  const detected = useMemo(() => (editor.binary ? 'hex' : detectTextFormat(editor.baseText)), [editor.binary, editor.baseText]);
  const view = useViewFormat(connectionId, path, detected);
  const save = useSetNodeValue(connectionId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [invalid, setInvalid] = useState<Extract<ValidationResult, { ok: false }> | null>(null);
  const [compare, setCompare] = useState<Compare | null>(null);

  const base = editor.base;
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

  const format = view.format;
  const language = MONACO_LANGUAGE[format];
  const hex = format === 'hex';
  const editable = !readOnly && !base.truncated && !editor.binary && !hex;
  const deletedOnServer = hasCode(query.error, 'NOT_FOUND');
  const editorValue = hex ? hexDump(editor.binary ? editor.baseBytes : new TextEncoder().encode(editor.text)) : editor.text;
  const canSave = editable && editor.dirty && compare === null;
  const latest = query.data ?? base;

  const onEdit = (text: string) => {
    editor.setText(text);
    if (invalid) setInvalid(null);
  };

  const startSave = () => {
    if (!canSave) return;
    const result = validateValue(editor.text, format);
    if (result.ok) setDialog('confirm');
    else {
      setInvalid(result);
      setDialog('validation');
    }
  };

  const confirmSave = () => {
    const valueBase64 = textToBase64(editor.text);
    save.mutate(
      { path, valueBase64, token: base.token },
      {
        onSuccess: (result) => {
          // What was written is exactly what was sent; the result supplies the new token and metadata.
          editor.adopt({ ...result, valueBase64, size: base64ToBytes(valueBase64).length, truncated: false });
          setInvalid(null);
          setDialog(null);
        },
        onError: (error) => {
          setDialog(null);
          if (hasCode(error, 'CONFLICT')) {
            setCompare({ reason: 'conflict', valueBase64: error.conflict?.currentValueBase64 ?? null, token: error.conflict?.currentToken ?? null });
          } else showError(error, `Save ${path}`);
        },
      },
    );
  };

  const reloadServer = () => {
    setCompare(null);
    if (editor.serverChange) editor.adopt(editor.serverChange);
    else if (compare?.valueBase64 != null) {
      const bytes = base64ToBytes(compare.valueBase64);
      editor.adopt({ ...base, valueBase64: compare.valueBase64, token: compare.token, size: bytes.length, truncated: false });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, path) });
  };

  const keepEditing = () => {
    if (compare) editor.rebase(compare.valueBase64 ?? '', compare.token);
    setCompare(null);
  };

  return (
    <div className="value-panel" data-testid="value-panel" data-path={path}>
      <ValueToolbar
        format={format}
        remembered={view.remembered}
        onFormat={view.setFormat}
        size={base.size}
        token={base.token}
        dirty={editor.dirty}
        canSave={canSave}
        canWrite={!readOnly}
        saving={save.isPending}
        onSave={startSave}
        onRevert={editor.revert}
        onCreate={() => setDialog('create')}
        onDelete={() => setDialog('delete')}
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
        onShowServer={() =>
          editor.serverChange &&
          setCompare({ reason: 'changed', valueBase64: editor.serverChange.valueBase64, token: editor.serverChange.token })
        }
        onReloadServer={reloadServer}
      />
      <div className="value-body">
        <div className="value-editor-area">
          {compare ? (
            <ConflictPanel
              reason={compare.reason}
              serverText={compare.valueBase64 === null ? null : decodeUtf8Lenient(base64ToBytes(compare.valueBase64))}
              mineText={editor.text}
              language={language}
              onReloadServer={reloadServer}
              onKeepEditing={keepEditing}
            />
          ) : (
            <CodeEditor
              value={editorValue}
              valueKey={`${editor.version}:${hex ? 'hex' : 'text'}`}
              language={language}
              readOnly={!editable}
              onChange={hex ? undefined : onEdit}
              onSave={startSave}
              marker={invalid ? { line: invalid.line, column: invalid.column, message: invalid.message } : null}
            />
          )}
        </div>
        {!compare && <MetadataPanel meta={latest.meta} acls={active.session.capabilities.acls ? latest.acls : null} />}
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
          saving={save.isPending}
          onConfirm={confirmSave}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'create' && <CreateNodeDialog active={active} parent={path} onCreated={onSelect} onClose={() => setDialog(null)} />}
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
