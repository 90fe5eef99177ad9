import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys.js';
import type { AppError } from '../../../../shared/errors.js';
import type { NodeValue } from '../../../../shared/model/node.js';
import { useToasts } from '../../errors/ToastContext.js';
import { base64ToBytes } from '../../lib/base64.js';
import type { ValidationResult } from '../../lib/validate-value.js';
import type { ValueFormat } from '../../lib/value-format.js';
import { useClient } from '../../transport/ClientContext.js';
import { conflictCompare, nextSaveStep, saveValue, type Compare, type SaveRequest } from './save-value.js';
import type { ValueEditor } from './useValueEditor.js';

export type ValueDialog = 'validation' | 'confirm' | 'create' | 'delete' | null;
export type { Compare } from './save-value.js';

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
  const { t } = useTranslation('value');
  const client = useClient();
  const queryClient = useQueryClient();
  const { showError } = useToasts();
  const save = useMutation({ mutationFn: (request: SaveRequest) => saveValue(client, queryClient, request) });
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
    const step = nextSaveStep(editor.text, format, t);
    if (step.dialog === 'validation') setInvalid(step.invalid);
    setDialog(step.dialog);
  };

  const showConflict = (error: AppError) => setCompare(conflictCompare(error));

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
    const request = { connectionId, path, text: editor.text, token: base.token };
    save.mutate(confirmation === undefined ? request : { ...request, confirmation }, {
      onSuccess: (outcome) => {
        setDialog(null);
        if (outcome.kind === 'saved') adoptWritten(outcome.written);
        else if (outcome.kind === 'conflict') setCompare(outcome.compare);
        else showError(outcome.error, `Save ${path}`);
      },
    });
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
