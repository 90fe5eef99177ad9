import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { CopyDialog } from './CopyDialog.js';
import type { CopyRequest } from './copy-request.js';

type OpenCopy = (request: CopyRequest) => void;

const CopyDialogContext = createContext<OpenCopy | null>(null);

/**
 * Holds the one copy dialog of the window: the tree's menu, a drop on a row or on a sidebar connection
 * all open it through `useOpenCopy`.
 */
export function CopyDialogProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<{ id: number; request: CopyRequest } | null>(null);
  const open = useCallback<OpenCopy>(
    (next) => setRequest((current) => ({ id: (current?.id ?? 0) + 1, request: next })),
    [],
  );
  const close = useCallback(() => setRequest(null), []);
  return (
    <CopyDialogContext.Provider value={open}>
      {children}
      {request && <CopyDialog key={request.id} request={request.request} onClose={close} />}
    </CopyDialogContext.Provider>
  );
}

/** Opens the copy dialog; null outside a CopyDialogProvider (nothing to open then). */
export function useOpenCopy(): OpenCopy | null {
  return useContext(CopyDialogContext);
}
