import type { AuditVerifyResult } from '../../../../shared/model/audit.js';
import type { useAuditVerify } from '../../api/useAuditVerify.js';
import { Button } from '../../components/Button.js';
import { describeError } from '../../errors/error-messages.js';
import { countOf, formatBytes, formatCount } from '../../lib/format-bytes.js';

type Verify = ReturnType<typeof useAuditVerify>;

function resultSentence(result: AuditVerifyResult): string {
  if (result.ok) {
    return `Chain intact: ${countOf(result.entries, 'entry', 'entries')} in ${countOf(result.files, 'file', 'files')}, every hash matching the one before.`;
  }
  const broken = result.firstBroken;
  if (!broken) return `Chain broken after ${countOf(result.entries, 'entry', 'entries')}.`;
  return `Chain broken at entry #${broken.seq} (${broken.file}, line ${formatCount(broken.line)}): ${broken.reason}`;
}

/** The toolbar's "Verify chain" and, while it runs, its progress bar fed by `audit.verify.progress`. */
export function VerifyButton({ verify: { verify, progress } }: { verify: Verify }) {
  return (
    <span className="verify-chain" data-testid="audit-verify-area">
      {verify.isPending && (
        <span className="verify-progress" data-testid="audit-verify-progress">
          <progress
            aria-label="Verifying the audit chain"
            max={progress?.bytesTotal || 1}
            value={progress ? progress.bytesDone : undefined}
          />
          <span className="muted">
            {progress
              ? `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}${progress.entries > 0 ? ` · ${countOf(progress.entries, 'entry', 'entries')}` : ''}`
              : 'Starting…'}
          </span>
        </span>
      )}
      <Button
        small
        testId="audit-verify"
        busy={verify.isPending}
        busyLabel="Verifying…"
        title="Recompute the hash chain over every audit log file"
        onClick={() => verify.mutate()}
      >
        Verify chain
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
  if (verify.isPending) return null;
  if (verify.isError) {
    return (
      <div className="audit-notice" data-tone="bad">
        <span className="verify-result" data-testid="audit-verify-result" data-ok="false">
          {describeError(verify.error).message}
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
        {resultSentence(result)}
      </span>
      {broken && (
        <Button small testId="audit-verify-open-broken" onClick={() => onOpenEntry(broken.seq)}>
          Open entry #{broken.seq}
        </Button>
      )}
      <span className="spacer" />
      <Button small tone="ghost" aria-label="Dismiss" onClick={() => verify.reset()}>
        ×
      </Button>
    </div>
  );
}
