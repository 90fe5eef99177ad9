import { useState } from 'react';
import type { AclEntry } from '../../../../shared/model/node.js';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/Checkbox.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { PathTitle } from '../../components/PathTitle.js';
import { TextInput } from '../../components/TextInput.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import { formatCount } from '../../lib/format-bytes.js';
import { AclLines } from './AclLines.js';
import { AclRecursiveReportView } from './AclRecursiveReportView.js';
import { adminRemovalWarning } from './acl-warnings.js';
import { useAclRecursive } from './useAclRecursive.js';

interface Props {
  connectionId: string;
  /** The connection's name, typed on prod (a whole-subtree write confirms by the name, like a sync). */
  connectionName: string;
  path: string;
  entries: readonly AclEntry[];
  prod: boolean;
  removesAdmin: boolean;
  onClose: () => void;
}

/**
 * "Apply to subtree": the plan first (how many nodes, how many have another ACL, the first of them), then
 * the apply as a job with its progress, a cancel, and the report of what was changed.
 */
export function AclRecursiveDialog(props: Props) {
  const { connectionId, connectionName, path, entries, prod, removesAdmin, onClose } = props;
  const { plan, apply, jobId, result, cancel } = useAclRecursive({ connectionId, path, entries });
  const confirm = useTypedConfirmation(prod, connectionName);
  const [adminOk, setAdminOk] = useState(false);
  const running = jobId !== null && (result.data === undefined || result.data.state === 'running');
  const ended = result.data !== undefined && result.data.state !== 'running';
  const ready =
    plan.data !== undefined &&
    plan.data.differing > 0 &&
    confirm.confirmed &&
    (!removesAdmin || adminOk) &&
    jobId === null &&
    !apply.isPending;
  const submit = () =>
    ready && apply.mutate({ ...confirm.input, confirmRemoveAdmin: removesAdmin && adminOk });
  const progress = result.data?.progress;

  const footer = ended ? (
    <>
      <span className="spacer" />
      <Button tone="primary" testId="acl-recursive-close" onClick={onClose}>
        Close
      </Button>
    </>
  ) : running ? (
    <>
      <span className="spacer" />
      <Button
        tone="danger"
        testId="acl-recursive-cancel"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate()}
      >
        {cancel.isPending ? 'Cancelling…' : 'Cancel the apply'}
      </Button>
    </>
  ) : (
    <>
      <span className="spacer" />
      <ConfirmButtons
        onCancel={onClose}
        label={
          apply.isPending
            ? 'Starting…'
            : `Apply to ${formatCount(plan.data?.differing ?? 0)} node${plan.data?.differing === 1 ? '' : 's'}`
        }
        testId="acl-recursive-apply"
        tone={prod || removesAdmin ? 'danger' : 'primary'}
        disabled={!ready}
        onConfirm={submit}
      />
    </>
  );

  return (
    <Dialog
      size="wide"
      tone={prod ? 'danger' : 'normal'}
      title={<PathTitle action="Apply this ACL to the subtree of" path={path} prod={prod} />}
      onClose={running ? () => undefined : onClose}
      testId="acl-recursive-dialog"
      footer={footer}
    >
      <div className="acl-recursive-acl">
        <div className="caps-title">ACL to apply</div>
        <AclLines entries={entries} testId="acl-recursive-entries" />
      </div>
      {plan.isPending && <div className="muted">Reading the ACLs of the subtree…</div>}
      {plan.isError && <ErrorLine error={plan.error} testId="acl-recursive-plan-error" />}
      {plan.data && (
        <div
          className="acl-plan"
          data-testid="acl-recursive-plan"
          data-count={plan.data.count}
          data-differing={plan.data.differing}
        >
          <p>
            <b>{formatCount(plan.data.count)}</b> node{plan.data.count === 1 ? '' : 's'} under{' '}
            <span className="mono">{path}</span> (itself included), <b>{formatCount(plan.data.differing)}</b>{' '}
            with another ACL
            {plan.data.differing === 0
              ? ': nothing to change.'
              : '. The first of them, with the ACL they have now:'}
          </p>
          {plan.data.differences.length > 0 && (
            <table className="acl-plan-table">
              <tbody>
                {plan.data.differences.map((node) => (
                  <tr key={node.path} data-testid="acl-recursive-difference">
                    <td className="mono">{node.path}</td>
                    <td>
                      <AclLines entries={node.entries} testId="acl-recursive-difference-acl" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {plan.data.differing > plan.data.differences.length && (
            <div className="muted">
              … and {formatCount(plan.data.differing - plan.data.differences.length)} more
            </div>
          )}
        </div>
      )}
      {removesAdmin && jobId === null && (
        <div className="notice notice-danger acl-warning" data-testid="acl-admin-warning">
          <span>{adminRemovalWarning(path)}</span>
          <Checkbox testId="acl-recursive-admin-ok" checked={adminOk} onChange={setAdminOk}>
            Remove it on every node
          </Checkbox>
        </div>
      )}
      {confirm.required && jobId === null && (
        <div className="acl-prod-confirm">
          This is a <b className="prod-text">PRODUCTION</b> connection. Type its name{' '}
          <b className="mono">{connectionName}</b> to confirm:
          <TextInput
            testId="acl-recursive-confirm-input"
            mono
            spellCheck={false}
            placeholder={connectionName}
            value={confirm.typed}
            onValue={confirm.setTyped}
            onEnter={submit}
          />
        </div>
      )}
      {apply.isError && <ErrorLine error={apply.error} testId="acl-recursive-error" />}
      {jobId !== null && (
        <div
          className="acl-progress"
          data-testid="acl-recursive-progress"
          data-state={result.data?.state ?? 'running'}
        >
          <progress value={progress?.done ?? 0} max={progress?.total ?? 1} />
          <span className="muted">
            {progress?.phase === 'apply'
              ? `${formatCount(progress.done)} of ${formatCount(progress.total ?? 0)} nodes`
              : 'Listing the subtree…'}
          </span>
        </div>
      )}
      {ended && <AclRecursiveReportView result={result.data} />}
    </Dialog>
  );
}
