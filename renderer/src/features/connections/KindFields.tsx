import { useDiscoverConnection } from '../../api/useConnectionMutations.js';
import { Field } from '../../components/Field.js';
import { Select, type SelectOption } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import { describeError } from '../../errors/error-messages.js';
import type { KindDescriptor } from '../../../../shared/kinds/kind.descriptor.js';
import type { ConnectionFormState } from './connection-form.model.js';
import { formToInput } from './connection-form.model.js';

type KindKey = 'datacenter' | 'contextPath' | 'namespace' | 'adminServerUrl';

/** A field whose choices are asked from the server. */
interface Discovered {
  key: 'datacenter' | 'namespace';
  label: string;
  loadTestId: string;
  loadLabel: string;
}
const DATACENTER: Discovered = {
  key: 'datacenter',
  label: 'Datacenter',
  loadTestId: 'conn-load-datacenters',
  loadLabel: 'Load datacenters',
};
const NAMESPACE: Discovered = {
  key: 'namespace',
  label: 'Namespace',
  loadTestId: 'conn-load-namespaces',
  loadLabel: 'Load namespaces',
};

interface Props {
  form: ConnectionFormState;
  info: KindDescriptor;
  onChange: (key: KindKey, value: string) => void;
  problem: string | undefined;
  /** Why the AdminServer URL cannot be saved. */
  adminServerProblem?: string | undefined;
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
 * The fields only some stores have: Consul datacenter, Nacos context path and namespace, ZooKeeper's
 * AdminServer URL. Datacenters and
 * namespaces are asked from the server (connections.discover) with what is typed so far.
 */
export function KindFields({ form, info, onChange, problem, adminServerProblem, canDiscover }: Props) {
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
  const datacenters = [
    { value: '', label: '(the agent’s own datacenter)' },
    ...withCurrent(
      (found?.datacenters ?? []).map((dc) => ({ value: dc, label: dc })),
      form.datacenter,
    ),
  ];
  const namespaces = [
    { value: '', label: 'All namespaces' },
    ...withCurrent(
      (found?.namespaces ?? []).map((ns) => ({
        value: ns.id,
        label: ns.name && ns.name !== ns.id ? `${ns.name} (${ns.id || 'public'})` : ns.id || ns.name,
      })),
      form.namespace,
    ).filter((o) => o.value !== ''),
  ];

  const picker = ({ key, label, loadTestId, loadLabel }: Discovered, options: SelectOption[]) =>
    info.fields.includes(key) && (
      <Field id={`conn-${key}`} label={label}>
        <div className="field-inline">
          <Select
            id={`conn-${key}`}
            testId={`conn-${key}`}
            value={form[key]}
            onValue={(v) => onChange(key, v)}
            options={options}
          />
          {loadButton(loadTestId, loadLabel)}
        </div>
      </Field>
    );

  return (
    <>
      {picker(DATACENTER, datacenters)}
      {info.fields.includes('contextPath') && (
        <Field
          id="conn-context-path"
          label="Context path"
          hint={`Empty means ${info.defaultContextPath ?? 'the default'}`}
          error={problem}
        >
          <TextInput
            id="conn-context-path"
            testId="conn-context-path"
            mono
            placeholder={info.defaultContextPath ?? ''}
            value={form.contextPath}
            onValue={(v) => onChange('contextPath', v)}
          />
        </Field>
      )}
      {picker(NAMESPACE, namespaces)}
      {info.fields.includes('adminServerUrl') && (
        <Field
          id="conn-admin-server-url"
          label="AdminServer URL (optional)"
          hint="e.g. http://zk1:8080/commands — when set, the Servers view and “who watches” use its JSON commands instead of four-letter words"
          error={adminServerProblem}
        >
          <TextInput
            id="conn-admin-server-url"
            testId="conn-admin-server-url"
            mono
            placeholder="http://host:8080/commands"
            value={form.adminServerUrl}
            onValue={(v) => onChange('adminServerUrl', v)}
          />
        </Field>
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
