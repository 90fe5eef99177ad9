import { useFormat } from '../../i18n/useFormat.js';
import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import type { CopyReport } from '../../../../shared/model/copy.js';
import { nameOf } from '../../../../shared/paths.js';
import { useConnections } from '../../api/useConnections.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { PathTitle } from '../../components/PathTitle.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import { CopyConfirmFields } from './CopyConfirmFields.js';
import { CopyJobStatus } from './CopyJobStatus.js';
import { CopyPlanPreview } from './CopyPlanPreview.js';
import { renamedPath, renameProblem, type CopyRequest } from './copy-request.js';
import { CopyTargetForm, type CopyChoice } from './CopyTargetForm.js';
import { useApplyCopy, usePlanCopy, useRefreshAfterCopy } from './useCopy.js';
import './CopyDialog.css';

function initialChoice(request: CopyRequest): CopyChoice {
  return {
    move: request.mode === 'move' || request.mode === 'rename',
    targetConnectionId: request.target.connectionId,
    targetPath: request.target.path,
    name: nameOf(request.source.path),
    overwrite: false,
  };
}

/**
 * Copy, move or rename a subtree: where to (any saved connection), then the plan (copy.plan, nothing
 * written), the typed confirmation for prod, then the job's progress with Cancel, and its report.
 */
export function CopyDialog({ request, onClose }: { request: CopyRequest; onClose: () => void }) {
  const { t } = useTranslation('copy');
  const format = useFormat();

  const profiles = useConnections().data ?? [];
  const [choice, setChoice] = useState(() => initialChoice(request));
  const plan = usePlanCopy();
  const apply = useApplyCopy();
  const refresh = useRefreshAfterCopy();
  const [jobId, setJobId] = useState<string | null>(null);

  const { source, mode } = request;
  const rename = mode === 'rename';
  const targetConnectionId = rename ? source.connectionId : choice.targetConnectionId;
  const targetPath = rename ? renamedPath(source.path, choice.name) : choice.targetPath;
  const sourceProfile = profiles.find((p) => p.id === source.connectionId);
  const targetProfile = profiles.find((p) => p.id === targetConnectionId);
  const sameConnection = targetConnectionId === source.connectionId;
  const problem = rename
    ? renameProblem(source.path, choice.name, t)
    : targetPath.startsWith('/')
      ? null
      : t('copyDialog.aPathStartsWith');
  // The core asks the target's name on prod; a move out of another prod connection asks the source's too.
  const targetConfirm = useTypedConfirmation(
    targetProfile?.environment === 'prod',
    targetProfile?.name ?? '',
  );
  const sourceConfirm = useTypedConfirmation(
    choice.move && !sameConnection && sourceProfile?.environment === 'prod',
    sourceProfile?.name ?? '',
  );

  // A plan is about the choice it was made for: any change plans again.
  const onChoice = (next: CopyChoice) => {
    setChoice(next);
    plan.reset();
  };
  const planned = plan.data;
  const submitPlan = () => {
    if (problem !== null || plan.isPending) return;
    plan.mutate({
      source,
      target: { connectionId: targetConnectionId, path: targetPath },
      overwrite: choice.overwrite,
    });
  };
  const ready =
    planned !== undefined && targetConfirm.confirmed && sourceConfirm.confirmed && !apply.isPending;
  const submitApply = () => {
    if (!ready) return;
    apply.mutate(
      {
        planId: planned.planId,
        move: choice.move,
        ...targetConfirm.input,
        ...(sourceConfirm.required ? { sourceConfirmation: sourceConfirm.typed } : {}),
      },
      { onSuccess: (started) => setJobId(started.jobId) },
    );
  };
  const { onMoved } = request;
  const onEnded = useCallback(
    (report: CopyReport | null) => {
      refresh([source.connectionId, targetConnectionId]);
      const whole = report !== null && report.failed.length === 0 && report.notDeleted.length === 0;
      if (whole && report.move && sameConnection) onMoved?.(targetPath);
    },
    [refresh, source.connectionId, targetConnectionId, sameConnection, targetPath, onMoved],
  );

  const verb = rename ? 'rename' : choice.move ? 'move' : 'copy';
  const count = planned?.nodes ?? 0;
  const prod = targetProfile?.environment === 'prod' || sourceConfirm.required;
  const footer =
    jobId !== null ? (
      <>
        <span className="spacer" />
        <Button testId="copy-close" onClick={onClose}>
          {t('copyDialog.close')}
        </Button>
      </>
    ) : (
      <>
        <span className="spacer" />
        <Button testId="copy-dialog-cancel" onClick={onClose}>
          {t('copyDialog.cancel')}
        </Button>
        {planned === undefined ? (
          <Button
            tone="primary"
            testId="copy-plan-button"
            disabled={problem !== null || plan.isPending}
            onClick={submitPlan}
          >
            {plan.isPending ? t('copyDialog.planning') : t('copyDialog.preview')}
          </Button>
        ) : (
          <Button
            tone={prod ? 'danger' : 'primary'}
            testId="copy-apply"
            disabled={!ready}
            onClick={submitApply}
          >
            {apply.isPending
              ? t('copyDialog.starting')
              : t(`copyDialog.apply.${verb}`, { count, n: format.count(count) })}
          </Button>
        )}
      </>
    );

  return (
    <Dialog
      title={<PathTitle action={t(`copyDialog.action.${mode}`)} path={source.path} prod={prod} />}
      onClose={onClose}
      testId="copy-dialog"
      tone={prod ? 'danger' : 'normal'}
      footer={footer}
    >
      <div className="copy-dialog" data-mode={mode} data-move={choice.move}>
        <div className="copy-source muted">
          {t('copyDialog.from')} <b>{sourceProfile?.name ?? source.connectionId}</b>{' '}
          <span className="mono">{source.path}</span>
          {rename && (
            <>
              {' '}
              {t('copyDialog.to')} <span className="mono">{targetPath}</span>
            </>
          )}
        </div>
        {jobId === null && (
          <CopyTargetForm
            mode={mode}
            profiles={profiles}
            choice={choice}
            onChoice={onChoice}
            problem={problem}
            onSubmit={planned === undefined ? submitPlan : submitApply}
          />
        )}
        {plan.isError && <ErrorLine error={plan.error} testId="copy-plan-error" />}
        {planned && <CopyPlanPreview plan={planned} move={choice.move} />}
        {planned && jobId === null && (
          <CopyConfirmFields target={targetConfirm} source={sourceConfirm} onSubmit={submitApply} />
        )}
        {apply.isError && <ErrorLine error={apply.error} testId="copy-apply-error" />}
        {jobId !== null && <CopyJobStatus jobId={jobId} onEnded={onEnded} />}
      </div>
    </Dialog>
  );
}
