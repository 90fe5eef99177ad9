import type { Principal, PrincipalType } from '../../../../shared/model/principals.js';

export type TypeChoice = PrincipalType | '';

/** Principals of a type (all when ''), whose name, description, roles, policies or a grant's scope holds `text`. */
export function filterPrincipals(
  principals: readonly Principal[],
  type: TypeChoice,
  text: string,
): Principal[] {
  const needle = text.trim().toLowerCase();
  return principals.filter((principal) => {
    if (type !== '' && principal.type !== type) return false;
    if (needle === '') return true;
    const haystack = [
      principal.name,
      principal.description ?? '',
      ...principal.roles,
      ...principal.policies,
      ...principal.grants.map((grant) => grant.scope),
    ];
    return haystack.some((part) => part.toLowerCase().includes(needle));
  });
}

/** The types present, in the order the select lists them. */
export function presentTypes(principals: readonly Principal[]): PrincipalType[] {
  const order: PrincipalType[] = ['user', 'token', 'role', 'policy'];
  return order.filter((type) => principals.some((principal) => principal.type === type));
}
