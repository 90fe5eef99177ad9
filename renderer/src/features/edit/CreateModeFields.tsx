import type { Capabilities } from '../../../../shared/model/capabilities.js';
import type { CreateModeForm } from './create-mode.js';

interface Props {
  caps: Capabilities;
  mode: CreateModeForm;
  onChange: (mode: CreateModeForm) => void;
}

/** Only the create modes the backend declares (ephemeral, sequential, container, TTL, lease). */
export function CreateModeFields({ caps, mode, onChange }: Props) {
  const set = <K extends keyof CreateModeForm>(key: K, value: CreateModeForm[K]) =>
    onChange({ ...mode, [key]: value });
  const anyFlag = caps.ephemeral || caps.sequential || caps.container;
  if (!anyFlag && !caps.ttl && !caps.leases) return null;
  return (
    <div className="field">
      <span className="field-label">Create mode</span>
      {anyFlag && (
        <div className="create-flags">
          {caps.ephemeral && (
            <label className="check">
              <input
                type="checkbox"
                data-testid="create-ephemeral"
                checked={mode.ephemeral}
                onChange={(e) => set('ephemeral', e.target.checked)}
              />
              Ephemeral
            </label>
          )}
          {caps.sequential && (
            <label className="check">
              <input
                type="checkbox"
                data-testid="create-sequential"
                checked={mode.sequential}
                onChange={(e) => set('sequential', e.target.checked)}
              />
              Sequential
            </label>
          )}
          {caps.container && (
            <label className="check">
              <input
                type="checkbox"
                data-testid="create-container"
                checked={mode.container}
                onChange={(e) => set('container', e.target.checked)}
              />
              Container
            </label>
          )}
        </div>
      )}
      <div className="field-row">
        {caps.ttl && (
          <div className="field">
            <label htmlFor="create-ttl">TTL (ms, empty for none)</label>
            <input
              id="create-ttl"
              className="input"
              inputMode="numeric"
              data-testid="create-ttl"
              value={mode.ttlMs}
              onChange={(e) => set('ttlMs', e.target.value)}
            />
          </div>
        )}
        {caps.leases && (
          <div className="field">
            <label htmlFor="create-lease">Lease TTL (s, empty for none)</label>
            <input
              id="create-lease"
              className="input"
              inputMode="numeric"
              data-testid="create-lease-ttl"
              value={mode.leaseTtlSec}
              onChange={(e) => set('leaseTtlSec', e.target.value)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
