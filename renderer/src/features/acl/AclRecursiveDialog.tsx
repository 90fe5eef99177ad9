import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { AclRecursivePlan } from '../../../../shared/model/acl.js';
import type { AclEntry } from '../../../../shared/model/node.js';
import { Button } from '../../components/Button.js';
import { Checkbox } from '../../components/Checkbox.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { PathTitle } from '../../components/PathTitle.js';
import { TextInput } from '../../components/TextInput.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import { AclLines } from './AclLines.js';
import { AclRecursiveReportView } from './AclRecursiveReportView.js';
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
  const format = useFormat();

  const { t } = useTranslation('acl');

  const { connectionId, connectionName, path, prod, removesAdmin, onClose } = props;
  // The ACL as it was when the dialog opened: the editor behind may re-read its node meanwhile.
  const [entries] = useState(props.entries);
  const { plan, apply, jobId, result, cancel } = useAclRecursive({ connectionId, path, entries });
  const confirm = useTypedConfirmation(prod, connectionName);
  const [adminOk, setAdminOk] = useState(false);
  // The plan the user confirmed stays shown while the apply changes the subtree (a re-read would differ).
  const [confirmed, setConfirmed] = useState<AclRecursivePlan | null>(null);
  const shown = confirmed ?? plan.data ?? null;
  const running = jobId !== null && (result.data === undefined || result.data.state === 'running');
  const ended = result.data !== undefined && result.data.state !== 'running';
  const ready =
    plan.data !== undefined &&
    plan.data.differing > 0 &&
    confirm.confirmed &&
    (!removesAdmin || adminOk) &&
    jobId === null &&
    !apply.isPending;
  const submit = () => {
    if (!ready) return;
    setConfirmed(plan.data);
    apply.mutate({ ...confirm.input, confirmRemoveAdmin: removesAdmin && adminOk });
  };
  const progress = result.data?.progress;

  const footer = ended ? (
    <>
      <span className="spacer" />
      <Button tone="primary" testId="acl-recursive-close" onClick={onClose}>
        {t('aclRecursiveDialog.close')}
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
        {cancel.isPending ? t('aclRecursiveDialog.cancelling') : t('aclRecursiveDialog.cancelTheApply')}
      </Button>
    </>
  ) : (
    <>
      <span className="spacer" />
      <ConfirmButtons
        onCancel={onClose}
        label={
          apply.isPending
            ? t('aclRecursiveDialog.starting')
            : t('aclRecursiveDialog.applyToNodes', {
                count: plan.data?.differing,
                n: format.count(plan.data?.differing ?? 0),
              })
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
      title={<PathTitle action={t('aclRecursiveDialog.applyThisAclTo')} path={path} prod={prod} />}
      onClose={running ? () => undefined : onClose}
      testId="acl-recursive-dialog"
      footer={footer}
    >
      <div className="acl-recursive-acl">
        <div className="caps-title">{t('aclRecursiveDialog.aclToApply')}</div>
        <AclLines entries={entries} testId="acl-recursive-entries" />
      </div>
      {jobId !== null && (
        <div
          className="acl-progress"
          data-testid="acl-recursive-progress"
          data-state={result.data?.state ?? 'running'}
        >
          <progress value={progress?.done ?? 0} max={progress?.total ?? 1} />
          <span className="muted">
            {progress?.phase === 'apply'
              ? t('aclRecursiveDialog.ofNodes', {
                  n: format.count(progress.done),
                  n2: format.count(progress.total ?? 0),
                })
              : t('aclRecursiveDialog.listingTheSubtree')}
          </span>
        </div>
      )}
      {ended && <AclRecursiveReportView result={result.data} />}
      {shown === null && plan.isPending && (
        <div className="muted">{t('aclRecursiveDialog.readingTheAclsOf')}</div>
      )}
      {plan.isError && <ErrorLine error={plan.error} testId="acl-recursive-plan-error" />}
      {shown !== null && (
        <div
          className="acl-plan"
          data-testid="acl-recursive-plan"
          data-count={shown.count}
          data-differing={shown.differing}
        >
          <p>
            <b>{format.count(shown.count)}</b> {t('aclRecursiveDialog.nodesUnder', { count: shown.count })}{' '}
            <span className="mono">{path}</span> {t('aclRecursiveDialog.itselfIncluded')}{' '}
            <b>{format.count(shown.differing)}</b> {t('aclRecursiveDialog.withAnotherAcl')}
            {shown.differing === 0
              ? t('aclRecursiveDialog.nothingToChange')
              : t('aclRecursiveDialog.theFirstOfThem')}
          </p>
          {shown.differences.length > 0 && (
            <div className="acl-plan-scroll">
              <table className="acl-plan-table">
                <tbody>
                  {shown.differences.map((node) => (
                    <tr key={node.path} data-testid="acl-recursive-difference">
                      <td className="mono">{node.path}</td>
                      <td>
                        <AclLines entries={node.entries} testId="acl-recursive-difference-acl" />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {shown.differing > shown.differences.length && (
            <div className="muted">
              {t('aclRecursiveDialog.andMore', {
                n: format.count(shown.differing - shown.differences.length),
              })}
            </div>
          )}
        </div>
      )}
      {removesAdmin && jobId === null && (
        <div className="notice notice-danger acl-warning" data-testid="acl-admin-warning">
          <span>{t('adminRemovalWarning', { path })}</span>
          <Checkbox testId="acl-recursive-admin-ok" checked={adminOk} onChange={setAdminOk}>
            {t('aclRecursiveDialog.removeItOnEvery')}
          </Checkbox>
        </div>
      )}
      {confirm.required && jobId === null && (
        <div className="acl-prod-confirm">
          <span>
            {t('aclRecursiveDialog.thisIsA')}{' '}
            <b className="prod-text">{t('aclRecursiveDialog.production')}</b>{' '}
            {t('aclRecursiveDialog.connectionTypeItsName')} <b className="mono">{connectionName}</b>{' '}
            {t('aclRecursiveDialog.toConfirm')}
          </span>
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
    </Dialog>
  );
}
