import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LocaleFormats } from '../../i18n/locale-formats.js';
import { useFormat } from '../../i18n/useFormat.js';
import type { AuditVerifyResult } from '../../../../shared/model/audit.js';
import type { useAuditVerify } from '../../api/useAuditVerify.js';
import { Button } from '../../components/Button.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

type Verify = ReturnType<typeof useAuditVerify>;

function resultSentence(
  result: AuditVerifyResult,
  t: TFunction<'audit'>,
  f: LocaleFormats,
  say: (text: string) => string,
): string {
  const entries = t('verifySentence.entries', { count: result.entries, n: f.count(result.entries) });
  if (result.ok) {
    const files = t('verifySentence.files', { count: result.files, n: f.count(result.files) });
    return t('verifySentence.intact', { entries, files });
  }
  const broken = result.firstBroken;
  if (!broken) return t('verifySentence.brokenAfter', { entries });
  return t('verifySentence.brokenAt', {
    seq: broken.seq,
    file: broken.file,
    line: f.count(broken.line),
    reason: say(broken.reason),
  });
}

/** The toolbar's "Verify chain" and, while it runs, its progress bar fed by `audit.verify.progress`. */
export function VerifyButton({ verify: { verify, progress } }: { verify: Verify }) {
  const format = useFormat();

  const { t } = useTranslation('audit');

  return (
    <span className="verify-chain" data-testid="audit-verify-area">
      {verify.isPending && (
        <span className="verify-progress" data-testid="audit-verify-progress">
          <progress
            aria-label={t('verifyButton.verifyingTheAuditChain')}
            max={progress?.bytesTotal || 1}
            value={progress ? progress.bytesDone : undefined}
          />
          <span className="muted">
            {progress
              ? t('verifyButton.of', {
                  size: format.bytes(progress.bytesDone),
                  size2: format.bytes(progress.bytesTotal),
                  value:
                    progress.entries > 0
                      ? ` · ${t('verifySentence.entries', { count: progress.entries, n: format.count(progress.entries) })}`
                      : '',
                })
              : t('verifyButton.starting')}
          </span>
        </span>
      )}
      <Button
        small
        testId="audit-verify"
        busy={verify.isPending}
        busyLabel={t('busy.verifying')}
        title={t('verifyButton.recomputeTheHashChain')}
        onClick={() => verify.mutate()}
      >
        {t('verifyButton.verifyChain')}
      </Button>
    </span>
  );
}

/** What the last verify found, in one line under the toolbar: intact with its counts, or the first broken entry. */
export function VerifyResultLine({
  verify: { verify },
  onOpenEntry,
}: {
  verify: Verify;
  /** Opens the first broken entry. */
  onOpenEntry: (seq: number) => void;
}) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const { sentence } = useDescribeError();
  const say = useCoreSentence();

  if (verify.isPending) return null;
  if (verify.isError) {
    return (
      <div className="audit-notice" data-tone="bad">
        <span className="verify-result" data-testid="audit-verify-result" data-ok="false">
          {sentence(verify.error)}
        </span>
      </div>
    );
  }
  const result = verify.data;
  if (!result) return null;
  const broken = result.firstBroken;
  return (
    <div className="audit-notice" data-tone={result.ok ? 'good' : 'bad'} role="status">
      <span
        className="verify-result"
        data-testid="audit-verify-result"
        data-ok={result.ok}
        data-entries={result.entries}
        data-files={result.files}
        data-broken-seq={broken?.seq ?? ''}
      >
        {resultSentence(result, t, format, say)}
      </span>
      {broken && (
        <Button small testId="audit-verify-open-broken" onClick={() => onOpenEntry(broken.seq)}>
          {t('verifyResultLine.openEntry', { seq: broken.seq })}
        </Button>
      )}
      <span className="spacer" />
      <Button small tone="ghost" aria-label={t('verifyResultLine.dismiss')} onClick={() => verify.reset()}>
        ×
      </Button>
    </div>
  );
}
