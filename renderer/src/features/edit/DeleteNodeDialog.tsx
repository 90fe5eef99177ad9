import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useDeleteNode } from '../../api/useNodeMutations.js';
import { useSubtreeCount } from '../../api/useSubtreeCount.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { PathTitle } from '../../components/PathTitle.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { useToasts } from '../../errors/ToastContext.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import type { ActiveSession } from '../session/active-session.js';

interface Props {
  active: ActiveSession;
  path: string;
  /** Direct children as last read; 0 means a plain delete without counting. */
  childCount: number | null;
  token: string | null;
  onDeleted: () => void;
  onClose: () => void;
}

/** Deletes a node, recursively with the exact count when it has children; prod asks for the path typed. */
export function DeleteNodeDialog({ active, path, childCount, token, onDeleted, onClose }: Props) {
  const format = useFormat();

  const { t } = useTranslation('edit');

  const connectionId = active.session.connectionId;
  const prod = active.profile.environment === 'prod';
  const needsCount = childCount !== 0;
  const count = useSubtreeCount(connectionId, path, needsCount);
  const remove = useDeleteNode(connectionId);
  const { showError } = useToasts();
  const confirm = useTypedConfirmation(prod, path);

  const total = needsCount ? count.data?.count : 1;
  const recursive = total !== undefined && total > 1;
  const ready = total !== undefined && confirm.confirmed && !remove.isPending;

  const submit = () => {
    if (!ready) return;
    remove.mutate(
      {
        path,
        recursive,
        ...(recursive ? {} : { token }),
        ...confirm.input,
      },
      {
        onSuccess: () => {
          onDeleted();
          onClose();
        },
        onError: (error) => showError(error, `Delete ${path}`),
      },
    );
  };

  return (
    <Dialog
      title={<PathTitle action="Delete" path={path} />}
      onClose={onClose}
      testId="delete-dialog"
      tone="danger"
    >
      {count.isPending && needsCount && (
        <div className="muted">{t('deleteNodeDialog.countingTheNodesBelow')}</div>
      )}
      {count.isError && <ErrorLine error={count.error} plain />}
      {total !== undefined && (
        <div className="delete-count" data-testid="delete-count" data-count={total}>
          {recursive ? (
            <>
              {t('deleteNodeDialog.thisDeletes')}{' '}
              <b>{t('deleteNodeDialog.nodes', { n: format.count(total) })}</b>:{' '}
              <span className="mono">{path}</span> {t('deleteNodeDialog.andEverythingBelowIt')}
            </>
          ) : (
            <>
              {t('deleteNodeDialog.thisDeletes')} <b>{t('deleteNodeDialog.n1Node')}</b>:{' '}
              <span className="mono">{path}</span>.
            </>
          )}
        </div>
      )}
      <ProdConfirmField
        id="delete-confirm"
        testId="delete-confirm-input"
        confirm={confirm}
        onSubmit={submit}
      />
      <div className="dialog-actions">
        <ConfirmButtons
          onCancel={onClose}
          label={
            remove.isPending
              ? t('deleteNodeDialog.deleting')
              : recursive && total !== undefined
                ? t('deleteNodeDialog.deleteNodes', { n: format.count(total) })
                : t('deleteNodeDialog.delete')
          }
          testId="delete-submit"
          tone="danger"
          disabled={!ready}
          onConfirm={submit}
        />
      </div>
    </Dialog>
  );
}
