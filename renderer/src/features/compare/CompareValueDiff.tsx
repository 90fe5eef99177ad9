import { useCompareValues } from '../../api/useCompare.js';
import { describeError } from '../../errors/error-messages.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';

interface Props {
  jobId: string;
  path: string;
  leftLabel: string;
  rightLabel: string;
}

function asText(base64: string | null): string {
  return base64 === null ? '' : decodeUtf8Lenient(base64ToBytes(base64));
}

/** Both current values of one compared key, side by side (an absent side shows as empty). */
export function CompareValueDiff({ jobId, path, leftLabel, rightLabel }: Props) {
  const values = useCompareValues(jobId, path);
  return (
    <div className="compare-value-diff" data-testid="compare-value-diff" data-path={path}>
      <div className="compare-diff-head">
        <span className="mono">{path}</span>
        <span className="spacer" />
        <span className="muted">
          Left: {leftLabel}
          {values.data?.leftBase64 === null ? ' (absent)' : ''} · Right: {rightLabel}
          {values.data?.rightBase64 === null ? ' (absent)' : ''}
        </span>
      </div>
      {values.isError && <div className="inline-error">{describeError(values.error).message}</div>}
      {values.isPending && <div className="muted">Loading values…</div>}
      {values.data && (
        <div className="compare-diff-body">
          <DiffEditor
            original={asText(values.data.leftBase64)}
            modified={asText(values.data.rightBase64)}
            language="plaintext"
            testId="compare-diff-editor"
          />
        </div>
      )}
    </div>
  );
}
