import { useTranslation } from 'react-i18next';
import type { Toast } from './ToastContext.js';
import './ErrorToasts.css';

/** The stack of error toasts in the bottom-right corner; each can be dismissed. */
export function ErrorToasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const { t } = useTranslation('errors');

  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="alert" aria-live="assertive">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="error-message" data-code={toast.code}>
          <div className="toast-head">
            <span className="toast-title">
              {toast.action ? `${toast.action}: ` : ''}
              {toast.title}
            </span>
            <button
              className="toast-close"
              aria-label={t('errorToasts.dismiss')}
              onClick={() => onDismiss(toast.id)}
            >
              ×
            </button>
          </div>
          <div className="toast-message">{toast.message}</div>
          {toast.detail !== null && (
            <div className="toast-detail" data-testid="error-detail">
              {toast.detail}
            </div>
          )}
          {toast.hint && <div className="toast-hint">{toast.hint}</div>}
        </div>
      ))}
    </div>
  );
}
