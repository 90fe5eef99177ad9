import { useTranslation } from 'react-i18next';
import { Select } from '../../components/Select.js';
import type { Discovery } from '../../../../shared/model/history.js';
import type { RegistryScopeField } from '../../../../shared/kinds/kind.descriptor.js';

export interface ScopeChoices {
  datacenter: string;
  namespace: string;
  group: string;
}

interface Props {
  fields: readonly RegistryScopeField[];
  choices: ScopeChoices;
  onChange: (choices: ScopeChoices) => void;
  discovery: Discovery | undefined;
  discoveryError: string | null;
  /** Groups seen in the listed services, offered in the group box. */
  knownGroups: readonly string[];
  defaultGroup: string | null;
  /** Test id prefix: `services` or `cluster`. */
  idPrefix: string;
}

function withCurrent(values: readonly string[], current: string): string[] {
  return current === '' || values.includes(current) ? [...values] : [current, ...values];
}

/** The scope selects of a registry view, as the store defines them (datacenter; namespace and group). */
export function RegistryScopeBar(p: Props) {
  const { t } = useTranslation('services');

  const { choices, onChange } = p;
  const title = p.discoveryError
    ? t('registryScopeBar.couldNotListThe', { discoveryError: p.discoveryError })
    : undefined;
  const namespaces = (p.discovery?.namespaces ?? []).filter((ns) => ns.id !== '');
  const publicName = p.discovery?.namespaces?.find((ns) => ns.id === '')?.name;
  const groups = [...new Set([...(p.defaultGroup ? [p.defaultGroup] : []), ...p.knownGroups])];
  return (
    <>
      {p.fields.includes('datacenter') && (
        <label title={title}>
          <span className="muted">{t('registryScopeBar.datacenter')}</span>
          <Select
            testId={`${p.idPrefix}-datacenter`}
            value={choices.datacenter}
            onValue={(datacenter) => onChange({ ...choices, datacenter })}
            options={[
              { value: '', label: t('registryScopeBar.agentSOwn') },
              ...withCurrent(p.discovery?.datacenters ?? [], choices.datacenter).map((dc) => ({
                value: dc,
                label: dc,
              })),
            ]}
          />
        </label>
      )}
      {p.fields.includes('namespace') && (
        <label title={title}>
          <span className="muted">{t('registryScopeBar.namespace')}</span>
          <Select
            testId={`${p.idPrefix}-namespace`}
            value={choices.namespace}
            onValue={(namespace) => onChange({ ...choices, namespace })}
            options={[
              {
                value: '',
                label: publicName
                  ? t('registryScopeBar.default', { publicName })
                  : t('registryScopeBar.default2'),
              },
              ...withCurrent(
                namespaces.map((ns) => ns.id),
                choices.namespace,
              ).map((id) => {
                const name = namespaces.find((ns) => ns.id === id)?.name;
                return { value: id, label: name && name !== id ? `${name} (${id})` : id };
              }),
            ]}
          />
        </label>
      )}
      {p.fields.includes('group') && (
        <label>
          <span className="muted">{t('registryScopeBar.group')}</span>
          <input
            className="input mono"
            style={{ width: 170 }}
            list={`${p.idPrefix}-groups`}
            data-testid={`${p.idPrefix}-group`}
            placeholder={t('registryScopeBar.anyGroup')}
            spellCheck={false}
            value={choices.group}
            onChange={(e) => onChange({ ...choices, group: e.target.value })}
          />
          <datalist id={`${p.idPrefix}-groups`}>
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </label>
      )}
    </>
  );
}
