import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
import { useFormat } from '../../i18n/useFormat.js';
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
function planSentence(plan: RevertPlan, group: boolean, t: TFunction<'audit'>, f: LocaleFormats): string {
  const ready = plan.items.filter((item) => item.state === 'ready').length;
  if (ready === 0) {
    if (group) return t('planSentence.groupNothing');
    return plan.items[0]?.state === 'moved' ? t('planSentence.moved') : t('planSentence.cannot');
  }
  if (!group) {
    return t('planSentence.one', { connection: plan.connectionName });
  }
  const skipped = plan.items.length - ready;
  const left = skipped > 0 ? t('planSentence.left', { count: skipped, n: f.count(skipped) }) : '';
  return t('planSentence.group', { count: ready, n: f.count(ready), connection: plan.connectionName, left });
}

/** What one entry's revert writes, as a diff: the node as the entry left it, and as the revert leaves it. */
function RevertPreview({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const format = useFormat();

  return (
    <div>
      <div className="revert-preview-head">
        <span>{t('revertPreview.nowAsEntryLeft', { seq: entry.seq })}</span>
        <span>{t('revertPreview.afterTheRevert')}</span>
      </div>
      <div className="revert-preview">
        <DiffEditor
          original={auditValueText(entry.after, t, format)}
          modified={auditValueText(entry.before, t, format)}
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
  const { t } = useTranslation('audit');
  const format = useFormat();

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

  const title = group
    ? t('revertDialog.revertThisSync')
    : t('revertDialog.revertEntry', { value: 'seq' in target ? target.seq : '' });
  const label = prod
    ? t('revertDialog.revertOnProduction')
    : group
      ? t('revertDialog.revertWrites', { count: ready, n: format.count(ready) })
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
            {t('revertDialog.close')}
          </Button>
        ) : (
          <ConfirmButtons
            onCancel={onClose}
            cancelTestId="revert-cancel"
            label={revert.isPending ? t('revertDialog.reverting') : label}
            testId="revert-confirm"
            tone={prod ? 'danger' : 'primary'}
            disabled={!canSubmit}
            onConfirm={submit}
          />
        )
      }
    >
      {plan.isPending && <StatusLine>{t('revertDialog.checkingTheNodesAs')}</StatusLine>}
      {plan.isError && <ErrorLine error={plan.error} plain testId="revert-plan-error" />}
      {data && !report && (
        <div className="revert-plan" data-testid="revert-plan" data-ready={ready}>
          <p className="revert-sentence" data-testid="revert-plan-sentence">
            {planSentence(data, group, t, format)}
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
                      {t('revertDialog.thisIsA')} <b className="prod-text">{t('revertDialog.production')}</b>{' '}
                      {t('revertDialog.connectionTypeItsName')} <b className="mono">{expected}</b>{' '}
                      {t('revertDialog.toConfirm')}
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
            {reportSentence(report, t, format)}
          </p>
          <RevertItems items={report.items} testId="revert-report-items" onOpenEntry={onOpenEntry} />
        </div>
      )}
    </Dialog>
  );
}
