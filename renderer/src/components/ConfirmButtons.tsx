import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Button } from './Button.js';

interface Props {
  onCancel: () => void;
  cancelTestId?: string;
  /** The action's button: its words, test id and look (danger for what cannot be undone, or prod). */
  label: ReactNode;
  testId: string;
  tone: 'primary' | 'danger';
  disabled: boolean;
  onConfirm: () => void;
}

/** Cancel, then the action the dialog asks for. */
export function ConfirmButtons({ onCancel, cancelTestId, label, testId, tone, disabled, onConfirm }: Props) {
  const { t } = useTranslation('common');

  return (
    <>
      <Button testId={cancelTestId} onClick={onCancel}>
        {t('confirmButtons.cancel')}
      </Button>
      <Button tone={tone} testId={testId} disabled={disabled} onClick={onConfirm}>
        {label}
      </Button>
    </>
  );
}
