import { useState } from 'react';
import { useDeleteNode } from '../../api/useNodeMutations.js';
import { useSubtreeCount } from '../../api/useSubtreeCount.js';
import { Dialog } from '../../components/Dialog.js';
import { describeError } from '../../errors/error-messages.js';
import { useToasts } from '../../errors/ToastContext.js';
import { formatCount } from '../../lib/format-bytes.js';
import type { ActiveSession } from '../session/active-session.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';

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
  const connectionId = active.session.connectionId;
  const prod = active.profile.environment === 'prod';
  const needsCount = childCount !== 0;
  const count = useSubtreeCount(connectionId, path, needsCount);
  const remove = useDeleteNode(connectionId);
  const { showError } = useToasts();
  const [typed, setTyped] = useState('');

  const total = needsCount ? count.data?.count : 1;
  const recursive = total !== undefined && total > 1;
  const confirmed = !prod || typed === path;
  const ready = total !== undefined && confirmed && !remove.isPending;

  const submit = () => {
    if (!ready) return;
    remove.mutate(
      {
        path,
        recursive,
        ...(recursive ? {} : { token }),
        ...(prod ? { confirmation: typed } : {}),
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
      title={
        <>
          Delete <span className="mono">{path}</span>
        </>
      }
      onClose={onClose}
      testId="delete-dialog"
      tone="danger"
    >
      {count.isPending && needsCount && <div className="muted">Counting the nodes below…</div>}
      {count.isError && <div className="inline-error">{describeError(count.error).message}</div>}
      {total !== undefined && (
        <div className="delete-count" data-testid="delete-count" data-count={total}>
          {recursive ? (
            <>
              This deletes <b>{formatCount(total)} nodes</b>: <span className="mono">{path}</span> and
              everything below it.
            </>
          ) : (
            <>
              This deletes <b>1 node</b>: <span className="mono">{path}</span>.
            </>
          )}
        </div>
      )}
      {prod && (
        <ProdConfirmField
          id="delete-confirm"
          testId="delete-confirm-input"
          expected={path}
          value={typed}
          onChange={setTyped}
          onSubmit={submit}
        />
      )}
      <div className="dialog-actions">
        <button className="btn" onClick={onClose}>
          Cancel
        </button>
        <button className="btn btn-danger" data-testid="delete-submit" disabled={!ready} onClick={submit}>
          {remove.isPending
            ? 'Deleting…'
            : recursive && total !== undefined
              ? `Delete ${formatCount(total)} nodes`
              : 'Delete'}
        </button>
      </div>
    </Dialog>
  );
}
