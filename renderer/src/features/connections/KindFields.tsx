import { useDiscoverConnection } from '../../api/useConnectionMutations.js';
import { describeError } from '../../errors/error-messages.js';
import type { KindDescriptor } from '../../../../shared/kinds/kind.descriptor.js';
import type { ConnectionFormState } from './connection-form.model.js';
import { formToInput } from './connection-form.model.js';

type KindKey = 'datacenter' | 'contextPath' | 'namespace';

interface Props {
  form: ConnectionFormState;
  info: KindDescriptor;
  onChange: (key: KindKey, value: string) => void;
  problem: string | undefined;
  /** The form can be sent to the server (name and endpoints are valid). */
  canDiscover: boolean;
}

/** Options of a select: the discovered ones, plus the saved value when the server did not list it. */
function withCurrent(options: { value: string; label: string }[], current: string) {
  return current === '' || options.some((o) => o.value === current)
    ? options
    : [{ value: current, label: current }, ...options];
}

/**
 * The fields only some stores have: Consul datacenter, Nacos context path and namespace. Datacenters and
 * namespaces are asked from the server (connections.discover) with what is typed so far.
 */
export function KindFields({ form, info, onChange, problem, canDiscover }: Props) {
  const discover = useDiscoverConnection();
  const found = discover.data;
  const load = () => discover.mutate(formToInput(form, info));
  const loadButton = (testId: string, label: string) => (
    <button
      type="button"
      className="btn"
      data-testid={testId}
      disabled={!canDiscover || discover.isPending}
      onClick={load}
      title={canDiscover ? 'Ask the server' : 'Fill in the name and addresses first'}
    >
      {discover.isPending ? 'Loading…' : label}
    </button>
  );
  const datacenters = withCurrent(
    (found?.datacenters ?? []).map((dc) => ({ value: dc, label: dc })),
    form.datacenter,
  );
  const namespaces = withCurrent(
    (found?.namespaces ?? []).map((ns) => ({
      value: ns.id,
      label: ns.name && ns.name !== ns.id ? `${ns.name} (${ns.id || 'public'})` : ns.id || ns.name,
    })),
    form.namespace,
  );

  return (
    <>
      {info.fields.includes('datacenter') && (
        <div className="field">
          <label htmlFor="conn-datacenter">Datacenter</label>
          <div className="field-inline">
            <select
              id="conn-datacenter"
              className="input"
              data-testid="conn-datacenter"
              value={form.datacenter}
              onChange={(e) => onChange('datacenter', e.target.value)}
            >
              <option value="">(the agent’s own datacenter)</option>
              {datacenters.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {loadButton('conn-load-datacenters', 'Load datacenters')}
          </div>
        </div>
      )}
      {info.fields.includes('contextPath') && (
        <div className="field">
          <label htmlFor="conn-context-path">Context path</label>
          <input
            id="conn-context-path"
            className="input mono"
            data-testid="conn-context-path"
            placeholder={info.defaultContextPath ?? ''}
            value={form.contextPath}
            onChange={(e) => onChange('contextPath', e.target.value)}
          />
          <span className="field-hint">Empty means {info.defaultContextPath ?? 'the default'}</span>
          {problem && <span className="field-error">{problem}</span>}
        </div>
      )}
      {info.fields.includes('namespace') && (
        <div className="field">
          <label htmlFor="conn-namespace">Namespace</label>
          <div className="field-inline">
            <select
              id="conn-namespace"
              className="input"
              data-testid="conn-namespace"
              value={form.namespace}
              onChange={(e) => onChange('namespace', e.target.value)}
            >
              <option value="">All namespaces</option>
              {namespaces
                .filter((o) => o.value !== '')
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </select>
            {loadButton('conn-load-namespaces', 'Load namespaces')}
          </div>
        </div>
      )}
      {discover.isError && (
        <span className="field-error" data-testid="conn-discover-error">
          {describeError(discover.error).title}: {describeError(discover.error).message}
        </span>
      )}
      {found?.api && (
        <span className="field-hint" data-testid="conn-discover-api">
          Server: {found.api}
        </span>
      )}
    </>
  );
}
