import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogFocus } from '../../components/useDialogFocus.js';

interface Props {
  /** The dialog's heading (it also names the dialog for screen readers). */
  title: string;
  /** Shown to screen readers only when the dialog's look has no visible heading (the palette). */
  titleHidden?: boolean;
  onClose: () => void;
  testId: string;
  className: string;
  /** Extra attributes of the dialog element (the palette marks itself for the key handler). */
  marker?: string;
  children: ReactNode;
}

/**
 * The palette's and the shortcuts sheet's modal: role=dialog, aria-modal, labelled by its heading; focus
 * moves in (to the palette's box, to the sheet itself), cycles with Tab and returns on close, as in every
 * dialog of the app (components/useDialogFocus); Escape, the × and a click beside it close it.
 */
export function PaletteModal({
  title,
  titleHidden = false,
  onClose,
  testId,
  className,
  marker,
  children,
}: Props) {
  const { t } = useTranslation('common');
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useDialogFocus(box);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <div
      className="dialog-backdrop palette-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={box}
        className={`dialog palette-modal ${className}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
        {...(marker ? { [marker]: '' } : {})}
      >
        <div
          className={titleHidden ? 'palette-modal-head visually-hidden' : 'palette-modal-head dialog-head'}
        >
          <h2 id={headingId} className="dialog-title">
            {title}
          </h2>
          {!titleHidden && (
            <button
              className="btn btn-ghost btn-sm"
              aria-label={t('close')}
              title={t('close')}
              data-testid={`${testId}-close`}
              onClick={onClose}
            >
              ×
            </button>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}
