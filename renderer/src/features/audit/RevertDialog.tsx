import type { AuditEntry, RevertPlan } from '../../../../shared/model/audit.js';
import type { AuditRevertTarget } from '../../api/audit.queries.js';
import { useAuditRevert, useAuditRevertPlan } from '../../api/useAuditRevert.js';
import { Button } from '../../components/Button.js';
import { ConfirmButtons } from '../../components/ConfirmButtons.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorLine } from '../../components/ErrorLine.js';
import { Field } from '../../components/Field.js';
import { ProdLabel } from '../../components/PathTitle.js';
import { ProdConfirmField } from '../../components/ProdConfirmField.js';
import { StatusLine } from '../../components/StatusLine.js';
import { TextInput } from '../../components/TextInput.js';
import { useTypedConfirmation } from '../../hooks/useTypedConfirmation.js';
import { countOf } from '../../lib/format-bytes.js';
import { auditValueText } from '../../lib/audit-value.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { RevertItems } from './RevertItems.js';
import { entryDiffLanguage } from './audit-values.js';
import { reportSentence } from './revert-labels.js';

interface Props {
  target: AuditRevertTarget;
  /** The entry reverted (one entry's revert), whose values preview what the revert writes; else null. */
  entry: AuditEntry | null;
  onOpenEntry: (seq: number) => void;
  onClose: () => void;
}

/** The plan's one sentence on what a confirm would do. */
function planSentence(plan: RevertPlan, group: boolean): string {
  const ready = plan.items.filter((item) => item.state === 'ready').length;
  if (ready === 0) {
    if (group)
      return 'Nothing in this sync can be reverted: every write was changed since, or cannot be undone.';
    return plan.items[0]?.state === 'moved'
      ? 'This change cannot be reverted now: the node changed since, and a revert never overwrites a later change.'
      : 'This change cannot be reverted.';
  }
  if (!group) {
    return `Reverts this change on ${plan.connectionName}, only if the node is still as the entry left it. The revert is audited too.`;
  }
  const skipped = plan.items.length - ready;
  const left = skipped > 0 ? ` (${countOf(skipped, 'item is', 'items are')} left as they are)` : '';
  return `Reverts ${countOf(ready, 'write', 'writes')} on ${plan.connectionName}${left}, newest first, each only if its node is still as the sync left it. Every revert is audited too.`;
}

/** What one entry's revert writes, as a diff: the node as the entry left it, and as the revert leaves it. */
function RevertPreview({ entry }: { entry: AuditEntry }) {
  return (
    <div>
      <div className="revert-preview-head">
        <span>Now (as entry #{entry.seq} left it)</span>
        <span>After the revert</span>
      </div>
      <div className="revert-preview">
        <DiffEditor
          original={auditValueText(entry.after)}
          modified={auditValueText(entry.before)}
          language={entryDiffLanguage(entry)}
          testId="revert-preview"
        />
      </div>
    </div>
  );
}

/**
 * Reverts one entry or a whole sync: the plan first (what each item would write, and which cannot be
 * reverted and why), then on prod the typed path (one entry) or connection name (a sync), then the report.
 */
export function RevertDialog({ target, entry, onOpenEntry, onClose }: Props) {
  const group = 'syncId' in target;
  const plan = useAuditRevertPlan(target);
  const revert = useAuditRevert();
  const data = plan.data;
  const prod = data?.environment === 'prod';
  const expected = data ? (group ? data.connectionName : (data.items[0]?.path ?? '')) : '';
  const confirm = useTypedConfirmation(prod, expected);
  const ready = data?.items.filter((item) => item.state === 'ready').length ?? 0;
  const report = revert.data;
  const canSubmit = data !== undefined && ready > 0 && confirm.confirmed && !revert.isPending && !report;

  const submit = () => {
    if (!canSubmit) return;
    revert.mutate({ target, plan: data, confirmation: confirm.confirmation });
  };

  const title = group ? 'Revert this sync' : `Revert entry #${'seq' in target ? target.seq : ''}`;
  const label = prod
    ? 'Revert on production'
    : group
      ? `Revert ${countOf(ready, 'write', 'writes')}`
      : 'Revert';

  return (
    <Dialog
      title={
        <>
          {prod && (
            <>
              <ProdLabel />{' '}
            </>
          )}
          {title}
        </>
      }
      onClose={onClose}
      testId="revert-dialog"
      tone={prod ? 'danger' : 'normal'}
      footer={
        report ? (
          <Button tone="primary" testId="revert-done" onClick={onClose}>
            Close
          </Button>
        ) : (
          <ConfirmButtons
            onCancel={onClose}
            cancelTestId="revert-cancel"
            label={revert.isPending ? 'Reverting…' : label}
            testId="revert-confirm"
            tone={prod ? 'danger' : 'primary'}
            disabled={!canSubmit}
            onConfirm={submit}
          />
        )
      }
    >
      {plan.isPending && <StatusLine>Checking the nodes as they are now…</StatusLine>}
      {plan.isError && <ErrorLine error={plan.error} plain testId="revert-plan-error" />}
      {data && !report && (
        <div className="revert-plan" data-testid="revert-plan" data-ready={ready}>
          <p className="revert-sentence" data-testid="revert-plan-sentence">
            {planSentence(data, group)}
          </p>
          <RevertItems items={data.items} testId="revert-plan-items" onOpenEntry={onOpenEntry} />
          {entry && ready > 0 && <RevertPreview entry={entry} />}
          {group
            ? prod &&
              ready > 0 && (
                <Field
                  id="revert-confirm-input"
                  label={
                    <>
                      This is a <b className="prod-text">PRODUCTION</b> connection. Type its name{' '}
                      <b className="mono">{expected}</b> to confirm:
                    </>
                  }
                >
                  <TextInput
                    id="revert-confirm-input"
                    testId="revert-confirm-input"
                    mono
                    spellCheck={false}
                    placeholder={expected}
                    value={confirm.typed}
                    onValue={confirm.setTyped}
                    onEnter={submit}
                  />
                </Field>
              )
            : ready > 0 && (
                <ProdConfirmField
                  id="revert-confirm-input"
                  testId="revert-confirm-input"
                  confirm={confirm}
                  onSubmit={submit}
                />
              )}
        </div>
      )}
      {revert.isError && <ErrorLine error={revert.error} testId="revert-error" />}
      {report && (
        <div
          className="revert-report"
          data-testid="revert-report"
          data-reverted={report.reverted}
          data-items={report.items.length}
        >
          <p className="revert-sentence" data-testid="revert-report-counts">
            {reportSentence(report)}
          </p>
          <RevertItems items={report.items} testId="revert-report-items" onOpenEntry={onOpenEntry} />
        </div>
      )}
    </Dialog>
  );
}
