import type { Grant } from '../../../../shared/model/principals.js';
import type { AclRoleWire } from './consul.principals.schemas.js';
import { say } from '../../../../shared/sentences/sentence-table.js';
import { CONSUL_SENTENCES } from '../../../../shared/sentences/consul.js';

type Identities = Pick<AclRoleWire, 'ServiceIdentities' | 'NodeIdentities'>;

/**
 * The rules Consul implies for service and node identities (its documented templates): a service identity
 * writes its service and sidecar and reads every service and node; a node identity writes its node and reads
 * every service.
 */
export function identityGrants(holder: Identities, via: string | null): Grant[] {
  const services = holder.ServiceIdentities.flatMap((identity): Grant[] => {
    const service = identity.ServiceName;
    const from =
      via === null
        ? say(CONSUL_SENTENCES, 'grantServiceIdentity', { service })
        : say(CONSUL_SENTENCES, 'grantServiceIdentityVia', { service, via });
    return [
      { access: 'readwrite', scope: `service ${JSON.stringify(identity.ServiceName)}`, note: from },
      {
        access: 'readwrite',
        scope: `service ${JSON.stringify(`${identity.ServiceName}-sidecar-proxy`)}`,
        note: from,
      },
      { access: 'read', scope: 'service_prefix ""', note: from },
      { access: 'read', scope: 'node_prefix ""', note: from },
    ];
  });
  const nodes = holder.NodeIdentities.flatMap((identity): Grant[] => {
    const node = identity.NodeName;
    const from =
      via === null
        ? say(CONSUL_SENTENCES, 'grantNodeIdentity', { node })
        : say(CONSUL_SENTENCES, 'grantNodeIdentityVia', { node, via });
    return [
      { access: 'readwrite', scope: `node ${JSON.stringify(identity.NodeName)}`, note: from },
      { access: 'read', scope: 'service_prefix ""', note: from },
    ];
  });
  return [...services, ...nodes];
}
