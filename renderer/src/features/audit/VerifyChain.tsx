import { useVerifyAudit } from '../../api/useAudit.js';
import { describeError } from '../../errors/error-messages.js';

/** Checks the audit hash chain and shows ok, or the first broken entry. */
export function VerifyChain() {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <span className="verify-chain">
      {result && (
        <span className="verify-result" data-testid="audit-verify-result" data-ok={result.ok}>
          {result.ok
            ? `Chain OK (${result.entries} entries)`
            : `Broken at entry #${result.firstBroken?.seq ?? '?'} (line ${result.firstBroken?.line ?? '?'}): ${result.firstBroken?.reason ?? ''}`}
        </span>
      )}
      {verify.isError && (
        <span className="verify-result" data-testid="audit-verify-result" data-ok="false">
          {describeError(verify.error).message}
        </span>
      )}
      <button
        className="btn btn-sm"
        data-testid="audit-verify"
        disabled={verify.isPending}
        onClick={() => verify.mutate()}
      >
        {verify.isPending ? 'Verifying…' : 'Verify chain'}
      </button>
    </span>
  );
}
