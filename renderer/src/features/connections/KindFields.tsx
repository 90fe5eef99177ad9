import { useTranslation } from 'react-i18next';
import { useDiscoverConnection } from '../../api/useConnectionMutations.js';
import { Field } from '../../components/Field.js';
import { Select, type SelectOption } from '../../components/Select.js';
import { TextInput } from '../../components/TextInput.js';
import { useDescribeError } from '../../errors/useDescribeError.js';
import type { KindDescriptor } from '../../../../shared/kinds/kind.descriptor.js';
import type { ConnectionFormState } from './connection-form.model.js';
import { formToInput } from './connection-form.model.js';
import { useCoreSentence } from '../../i18n/useCoreSentence.js';

type KindKey = 'datacenter' | 'contextPath' | 'namespace' | 'adminServerUrl';

/** A field whose choices are asked from the server. */
interface Discovered {
  key: 'datacenter' | 'namespace';
  loadTestId: string;
}
const DATACENTER: Discovered = {
  key: 'datacenter',
  loadTestId: 'conn-load-datacenters',
};
const NAMESPACE: Discovered = {
  key: 'namespace',
  loadTestId: 'conn-load-namespaces',
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
  const { t } = useTranslation('connections');
  const say = useCoreSentence();
  const { sentence, describe } = useDescribeError();

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
      title={canDiscover ? t('kindFields.askTheServer') : t('kindFields.fillInTheName')}
    >
      {discover.isPending ? t('kindFields.loading') : label}
    </button>
  );
  const datacenters = [
    { value: '', label: t('kindFields.theAgentSOwn') },
    ...withCurrent(
      (found?.datacenters ?? []).map((dc) => ({ value: dc, label: dc })),
      form.datacenter,
    ),
  ];
  const namespaces = [
    { value: '', label: t('kindFields.allNamespaces') },
    ...withCurrent(
      (found?.namespaces ?? []).map((ns) => ({
        value: ns.id,
        label: ns.name && ns.name !== ns.id ? `${ns.name} (${ns.id || 'public'})` : ns.id || ns.name,
      })),
      form.namespace,
    ).filter((o) => o.value !== ''),
  ];

  const picker = ({ key, loadTestId }: Discovered, options: SelectOption[]) =>
    info.fields.includes(key) && (
      <Field id={`conn-${key}`} label={t(`kindFields.discovered.${key}.label`)}>
        <div className="field-inline">
          <Select
            id={`conn-${key}`}
            testId={`conn-${key}`}
            value={form[key]}
            onValue={(v) => onChange(key, v)}
            options={options}
          />
          {loadButton(loadTestId, t(`kindFields.discovered.${key}.load`))}
        </div>
      </Field>
    );

  return (
    <>
      {picker(DATACENTER, datacenters)}
      {info.fields.includes('contextPath') && (
        <Field
          id="conn-context-path"
          label={t('kindFields.contextPath')}
          hint={
            info.defaultContextPath !== null
              ? t('kindFields.emptyMeans', { value: info.defaultContextPath })
              : undefined
          }
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
          label={t('kindFields.adminserverUrlOptional')}
          hint={t('kindFields.eGHttpZk1')}
          error={adminServerProblem}
        >
          <TextInput
            id="conn-admin-server-url"
            testId="conn-admin-server-url"
            mono
            placeholder={t('kindFields.httpHost8080Commands')}
            value={form.adminServerUrl}
            onValue={(v) => onChange('adminServerUrl', v)}
          />
        </Field>
      )}
      {discover.isError && (
        <span className="field-error" data-testid="conn-discover-error">
          {describe(discover.error).title}: {sentence(discover.error)}
        </span>
      )}
      {found?.api && (
        <span className="field-hint" data-testid="conn-discover-api">
          {t('kindFields.server', { api: say(found.api) })}
        </span>
      )}
    </>
  );
}
