import { useTranslation } from 'react-i18next';
import { useEffect, useRef, type ReactNode } from 'react';
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

/** A modal dialog: Escape or the × closes it; focus moves to its first field. */
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
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const first = boxRef.current?.querySelector<HTMLElement>('input, select, textarea');
    first?.focus();
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
        data-testid={testId}
      >
        <div className="dialog-head">
          <div className="dialog-title">{title}</div>
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
