import type { RegistryScope, ServiceSummary } from '../../../../shared/model/registry.js';

/** Services whose name, group or a tag contains the text (case-insensitive), sorted by name. */
export function filterServices(services: readonly ServiceSummary[], text: string): ServiceSummary[] {
  const needle = text.trim().toLowerCase();
  return services
    .filter(
      (s) =>
        needle === '' ||
        s.name.toLowerCase().includes(needle) ||
        (s.group ?? '').toLowerCase().includes(needle) ||
        s.tags.some((tag) => tag.toLowerCase().includes(needle)),
    )
    .sort((a, b) => a.name.localeCompare(b.name) || (a.group ?? '').localeCompare(b.group ?? ''));
}

/** A stable identity of a listed service: the same name may exist in two groups or namespaces. */
export function serviceKey(service: ServiceSummary): string {
  return `${service.namespace ?? ''}\u0000${service.group ?? ''}\u0000${service.name}`;
}

/** The scope to read one service's instances in: the view's scope narrowed to where the service was listed. */
export function instanceScope(scope: RegistryScope, service: ServiceSummary): RegistryScope {
  return {
    ...scope,
    ...(service.group ? { group: service.group } : {}),
    ...(scope.namespace === undefined && service.namespace !== null ? { namespace: service.namespace } : {}),
  };
}

/** The scope sent to the registry: empty choices are left out (the server's default applies). */
export function scopeFromChoices(choices: {
  datacenter: string;
  namespace: string;
  group: string;
}): RegistryScope {
  return {
    ...(choices.datacenter ? { datacenter: choices.datacenter } : {}),
    ...(choices.namespace ? { namespace: choices.namespace } : {}),
    ...(choices.group.trim() ? { group: choices.group.trim() } : {}),
  };
}
