import { useDescribeError } from '../errors/useDescribeError.js';

interface Props {
  error: unknown;
  testId?: string;
  /** Only the core's sentence, without the title of its code. */
  plain?: boolean;
}

/** A failure in words, where the answer would have been `[data-code]` says which. */
export function ErrorLine({ error, testId, plain = false }: Props) {
  const { code, title, message, detail } = useDescribeError().describe(error);
  return (
    <div className="inline-error" data-testid={testId} data-code={code}>
      {plain ? (
        message
      ) : (
        <>
          {title}: {message}
        </>
      )}
      {detail !== null && <div className="inline-error-detail">{detail}</div>}
    </div>
  );
}
