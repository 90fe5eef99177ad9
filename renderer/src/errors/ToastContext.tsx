import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type UiError } from './error-messages.js';
import { ErrorToasts } from './ErrorToasts.js';

/** One error shown to the user, with what was being attempted. */
export interface Toast extends UiError {
  id: number;
  action: string | null;
}

interface ToastApi {
  /** Shows an error toast; `action` says what failed ("Save /a/b"). */
  showError(error: unknown, action?: string): void;
}

const ToastContext = createContext<ToastApi | null>(null);
const TOAST_MS = 12_000;

/** Holds the visible error toasts and renders them above everything else. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const { t } = useTranslation('errors');

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const showError = useCallback(
    (error: unknown, action?: string) => {
      const id = nextId.current++;
      const toast: Toast = { ...describeError(error, t), id, action: action ?? null };
      setToasts((all) => [...all.slice(-3), toast]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss, t],
  );
  const api = useMemo(() => ({ showError }), [showError]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <ErrorToasts toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

/** The toast API (showError). */
export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts must be used inside <ToastProvider>');
  return api;
}
