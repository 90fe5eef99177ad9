import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys.js';
import { useSetNodeValue } from '../../api/useNodeMutations.js';
import type { AppError } from '../../../../shared/errors.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { hasCode } from '../../errors/error-messages.js';
import { useToasts } from '../../errors/ToastContext.js';
import { base64ToBytes, textToBase64 } from '../../lib/base64.js';
import { validateValue, type ValidationResult } from '../../lib/validate-value.js';
import type { ValueFormat } from '../../lib/value-format.js';
import type { ValueEditor } from './useValueEditor.js';

export type ValueDialog = 'validation' | 'confirm' | 'create' | 'delete' | null;

/** The server value shown beside the user's: after a CONFLICT, or on "Show server version". */
export interface Compare {
  reason: 'conflict' | 'changed';
  valueBase64: string | null;
  token: string | null;
}

interface Options {
  connectionId: string;
  path: string;
  format: ValueFormat;
  /** The value may be edited at all (connection, size, binary, view). */
  editable: boolean;
}

/**
 * Save as an operator needs it: validate (JSON/YAML), show the diff, write with the token read, and on
 * CONFLICT show the server value beside the user's instead of overwriting anything.
 */
export function useSaveFlow(editor: ValueEditor, { connectionId, path, format, editable }: Options) {
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const save = useSetNodeValue(connectionId);
  const [dialog, setDialog] = useState<ValueDialog>(null);
  const [invalid, setInvalid] = useState<Extract<ValidationResult, { ok: false }> | null>(null);
  const [compare, setCompare] = useState<Compare | null>(null);
  const canSave = editable && editor.dirty && compare === null;

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

  const showConflict = (error: AppError) =>
    setCompare({
      reason: 'conflict',
      valueBase64: error.conflict?.currentValueBase64 ?? null,
      token: error.conflict?.currentToken ?? null,
    });

  /** A write was accepted: start over from the node as written (whole value, new token and metadata). */
  const adoptWritten = (written: NodeValue) => {
    editor.adopt(written);
    setInvalid(null);
  };

  /**
   * Another kind of write (a rollback) hit a CONFLICT: what it tried to write becomes the user's text,
   * shown beside the server value exactly like a failed save, so "Keep editing" can save it again.
   */
  const showWriteConflict = (error: AppError, attemptedText: string) => {
    editor.setText(attemptedText);
    showConflict(error);
  };

  /** Writes the edited text; `confirmation` is the path typed on a prod connection. */
  const confirmSave = (confirmation?: string) => {
    const base = editor.base;
    if (!base) return;
    const valueBase64 = textToBase64(editor.text);
    save.mutate(
      { path, valueBase64, token: base.token, ...(confirmation === undefined ? {} : { confirmation }) },
      {
        onSuccess: (written) => {
          adoptWritten(written);
          setDialog(null);
        },
        onError: (error) => {
          setDialog(null);
          if (!hasCode(error, 'CONFLICT')) return showError(error, `Save ${path}`);
          showConflict(error);
        },
      },
    );
  };

  const showServerVersion = () => {
    const change = editor.serverChange;
    if (change) setCompare({ reason: 'changed', valueBase64: change.valueBase64, token: change.token });
  };

  const reloadServer = () => {
    setCompare(null);
    const base = editor.base;
    if (editor.serverChange) editor.adopt(editor.serverChange);
    else if (base && compare?.valueBase64 != null) {
      const size = base64ToBytes(compare.valueBase64).length;
      editor.adopt({
        ...base,
        valueBase64: compare.valueBase64,
        token: compare.token,
        size,
        truncated: false,
      });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.node(connectionId, path) });
  };

  const keepEditing = () => {
    if (compare) editor.rebase(compare.valueBase64 ?? '', compare.token);
    setCompare(null);
  };

  return {
    dialog,
    setDialog,
    invalid,
    compare,
    canSave,
    saving: save.isPending,
    onEdit,
    startSave,
    confirmSave,
    showServerVersion,
    reloadServer,
    keepEditing,
    adoptWritten,
    showWriteConflict,
  };
}
