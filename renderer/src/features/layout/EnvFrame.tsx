import type { ReactNode } from 'react';
import type { Environment } from '../../../../shared/model/connection.js';
import './EnvFrame.css';

/** Frames the whole window in the colour of the open connection's environment (thick red for prod). */
export function EnvFrame({ env, children }: { env: Environment | null; children: ReactNode }) {
  return (
    <div className="env-frame" data-testid="env-frame" data-env={env ?? 'none'}>
      {children}
    </div>
  );
}
