import { useTranslation } from 'react-i18next';
import type { ValueFormat } from '../../lib/value-format.js';
import { CreateNodeDialog } from '../edit/CreateNodeDialog.js';
import { DeleteNodeDialog } from '../edit/DeleteNodeDialog.js';
import { SaveConfirmDialog } from '../edit/SaveConfirmDialog.js';
import { ValidationErrorDialog } from '../edit/ValidationErrorDialog.js';
import type { ActiveSession } from '../session/active-session.js';
import type { ValueDialog } from './useSaveFlow.js';
import type { ValidationResult } from '../../lib/validate-value.js';

interface Props {
  dialog: ValueDialog;
  setDialog: (dialog: ValueDialog) => void;
  active: ActiveSession;
  path: string;
  format: ValueFormat;
  language: string;
  invalid: Extract<ValidationResult, { ok: false }> | null;
  originalText: string;
  editedText: string;
  saving: boolean;
  onConfirmSave: (confirmation?: string) => void;
  childCount: number | null;
  token: string | null;
  onCreated: (path: string) => void;
  onDeleted: () => void;
}

/** The dialog the value panel has open: validation error, save confirmation, create or delete. */
export function ValueDialogs(p: Props) {
  const { t } = useTranslation('common');
  const close = () => p.setDialog(null);
  return (
    <>
      {p.dialog === 'validation' && p.invalid && (
        <ValidationErrorDialog
          formatLabel={t(`format.${p.format}`)}
          message={p.invalid.message}
          line={p.invalid.line}
          column={p.invalid.column}
          onSaveAnyway={() => p.setDialog('confirm')}
          onClose={close}
        />
      )}
      {p.dialog === 'confirm' && (
        <SaveConfirmDialog
          path={p.path}
          original={p.originalText}
          modified={p.editedText}
          language={p.language}
          prod={p.active.profile.environment === 'prod'}
          saving={p.saving}
          onConfirm={p.onConfirmSave}
          onClose={close}
        />
      )}
      {p.dialog === 'create' && (
        <CreateNodeDialog active={p.active} parent={p.path} onCreated={p.onCreated} onClose={close} />
      )}
      {p.dialog === 'delete' && (
        <DeleteNodeDialog
          active={p.active}
          path={p.path}
          childCount={p.childCount}
          token={p.token}
          onDeleted={p.onDeleted}
          onClose={close}
        />
      )}
    </>
  );
}
