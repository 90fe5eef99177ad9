import type { ReactNode } from 'react';
import { ErrorLine } from './ErrorLine.js';
import { StatusLine } from './StatusLine.js';

/** What QueryState needs of a TanStack query result. */
interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
}

interface Props<T> {
  query: QueryLike<T>;
  /** Shown while the first answer is awaited (nothing when absent). */
  loading?: string;
  /** Test id of the error line. */
  errorTestId?: string;
  /** The error without its title. */
  plainError?: boolean;
  /** The answer holds nothing to show: `empty` is shown instead of `children`. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** One query's loading line, its error, its empty state, or what it answered. */
export function QueryState<T>({
  query,
  loading,
  errorTestId,
  plainError,
  isEmpty,
  empty,
  children,
}: Props<T>) {
  const { data } = query;
  return (
    <>
      {query.isPending && loading !== undefined && <StatusLine>{loading}</StatusLine>}
      {query.isError && <ErrorLine error={query.error} testId={errorTestId} plain={plainError} />}
      {data !== undefined && (isEmpty?.(data) ? empty : children(data))}
    </>
  );
}
