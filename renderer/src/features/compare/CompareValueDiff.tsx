import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { useCompareValues } from '../../api/useCompare.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { MONACO_LANGUAGE } from '../../lib/value-format.js';
import { DiffEditor } from '../../monaco/LazyEditors.js';
import { diffFormat } from './diff-language.js';

interface Props {
  jobId: string;
  path: string;
  leftLabel: string;
  rightLabel: string;
}

/** Both current values of one compared key, side by side and highlighted (an absent side shows as empty). */
export function CompareValueDiff({ jobId, path, leftLabel, rightLabel }: Props) {
  const { t } = useTranslation('compare');
  const { t: tCommon } = useTranslation('common');
  const { sentence } = useDescribeError();

  const values = useCompareValues(jobId, path);
  const shown = useMemo(() => {
    if (!values.data) return null;
    const left = values.data.leftBase64 === null ? null : base64ToBytes(values.data.leftBase64);
    const right = values.data.rightBase64 === null ? null : base64ToBytes(values.data.rightBase64);
    const format = diffFormat(left, right);
    return {
      format,
      language: MONACO_LANGUAGE[format],
      // Binary data is shown as lossy text, as before: the diff still tells which bytes changed.
      left: left === null ? '' : decodeUtf8Lenient(left),
      right: right === null ? '' : decodeUtf8Lenient(right),
    };
  }, [values.data]);
  // A side the key is missing from says so after its source.
  const side = (label: string, base64: string | null | undefined) =>
    base64 === null ? t('compareValueDiff.side.absent', { source: label }) : label;
  const sides = [
    t('compareValueDiff.side.left', { source: side(leftLabel, values.data?.leftBase64) }),
    t('compareValueDiff.side.right', { source: side(rightLabel, values.data?.rightBase64) }),
  ].join(' · ');
  return (
    <div
      className="compare-value-diff"
      data-testid="compare-value-diff"
      data-path={path}
      data-language={shown?.language}
      data-format={shown?.format}
    >
      <div className="compare-diff-head">
        <span className="mono compare-diff-path" title={path}>
          {path}
        </span>
        {shown && (
          <span className="compare-diff-format" data-testid="compare-diff-format">
            {shown.format === 'hex' ? t('compareValueDiff.binary') : tCommon(`format.${shown.format}`)}
          </span>
        )}
        <span className="spacer" />
        <span className="muted compare-diff-sides" title={sides}>
          {sides}
        </span>
      </div>
      {values.isError && <div className="inline-error">{sentence(values.error)}</div>}
      {values.isPending && <div className="muted">{t('compareValueDiff.loadingValues')}</div>}
      {shown && (
        <div className="compare-diff-body">
          <DiffEditor
            original={shown.left}
            modified={shown.right}
            language={shown.language}
            testId="compare-diff-editor"
          />
        </div>
      )}
    </div>
  );
}
