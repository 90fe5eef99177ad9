import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';

interface Props {
  testId: string;
  query: { isFetching: boolean; refetch: () => Promise<unknown> };
  /** What the button says while asking (it keeps saying Refresh when absent). */
  busyLabel?: string;
}

/** Asks a query again; disabled while it is being asked. */
export function RefreshButton({ testId, query, busyLabel }: Props) {
  const { t } = useTranslation('common');

  return (
    <Button
      small
      testId={testId}
      busy={query.isFetching}
      busyLabel={busyLabel}
      onClick={() => void query.refetch()}
    >
      {t('refreshButton.refresh')}
    </Button>
  );
}
