import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditVerifyProgress } from '../../../shared/model/audit.js';
import { useClient } from '../transport/ClientContext.js';
import { useEvent } from './useEvent.js';

/**
 * Recomputes the hash chain over every log file; `progress` follows the core's `audit.verify.progress`
 * events while this verify runs (null before the first one, and once it is done).
 */
export function useAuditVerify() {
  const client = useClient();
  const [progress, setProgress] = useState<AuditVerifyProgress | null>(null);
  const verify = useMutation({
    mutationFn: () => client.call('audit.verify', {}),
    onMutate: () => setProgress(null),
    onSettled: () => setProgress(null),
  });
  const running = verify.isPending;
  useEvent('audit.verify.progress', (payload) => {
    if (running) setProgress(payload);
  });
  return { verify, progress: running ? progress : null };
}
