import type { AuditVerifyResult } from '../../../../shared/model/audit.js';
import { useAuditVerify } from '../../api/useAuditVerify.js';
import { Button } from '../../components/Button.js';
import { describeError } from '../../errors/error-messages.js';
import { countOf, formatBytes, formatCount } from '../../lib/format-bytes.js';

interface Props {
  /** Opens the first broken entry. */
  onOpenEntry: (seq: number) => void;
}

function resultSentence(result: AuditVerifyResult): string {
  if (result.ok) {
    return `Chain intact: ${countOf(result.entries, 'entry', 'entries')} in ${countOf(result.files, 'file', 'files')}.`;
  }
  const broken = result.firstBroken;
  if (!broken) return `Chain broken after ${countOf(result.entries, 'entry', 'entries')}.`;
  return `Chain broken at entry #${broken.seq} (${broken.file}, line ${formatCount(broken.line)}): ${broken.reason}`;
}

/** Recomputes the hash chain over every log file, with progress, and names the first broken entry. */
export function VerifyChain({ onOpenEntry }: Props) {
  const { verify, progress } = useAuditVerify();
  const result = verify.data;
  const broken = result?.firstBroken ?? null;
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
              ? `${countOf(progress.entries, 'entry', 'entries')} · ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`
              : 'Starting…'}
          </span>
        </span>
      )}
      {result && !verify.isPending && (
        <span
          className="verify-result"
          data-testid="audit-verify-result"
          data-ok={result.ok}
          data-entries={result.entries}
          data-files={result.files}
          data-broken-seq={broken?.seq ?? ''}
          title={resultSentence(result)}
        >
          {resultSentence(result)}
        </span>
      )}
      {broken && !verify.isPending && (
        <Button small tone="ghost" testId="audit-verify-open-broken" onClick={() => onOpenEntry(broken.seq)}>
          Open #{broken.seq}
        </Button>
      )}
      {verify.isError && (
        <span className="verify-result" data-testid="audit-verify-result" data-ok="false">
          {describeError(verify.error).message}
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
