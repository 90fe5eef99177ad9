import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogFocus } from './useDialogFocus.js';
import './Dialog.css';

export interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** 'wide' for diff views. */
  size?: 'normal' | 'wide';
  testId?: string;
  /** Extra emphasis for destructive or production dialogs. */
  tone?: 'normal' | 'danger';
}

/**
 * A modal dialog, named by its title: Escape or the × closes it; focus moves to its first field, stays
 * inside while it is open, and returns to where it was when it closes.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  size = 'normal',
  testId,
  tone = 'normal',
}: DialogProps) {
  const { t } = useTranslation('common');

  const boxRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  useDialogFocus(boxRef);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Only the topmost dialog closes: Escape in a prompt over a form must not throw the form away.
      const dialogs = document.querySelectorAll('.dialog');
      if (event.key === 'Escape' && dialogs[dialogs.length - 1] === boxRef.current) closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={boxRef}
        className={`dialog dialog-${size} dialog-tone-${tone}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <div className="dialog-head">
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          <button className="btn btn-ghost btn-sm" aria-label={t('dialog.close')} onClick={onClose}>
            ×
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer && <div className="dialog-foot">{footer}</div>}
      </div>
    </div>
  );
}
