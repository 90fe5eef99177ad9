import type { Capabilities } from '../../../shared/model/capabilities.js';
import type { BackendSession } from './backend.js';

/**
 * The capabilities of a live session: the node flags it declares, and a flag for each optional API it
 * offers, true exactly when the API is there. The only place flags for optional APIs are made.
 */
export function capabilitiesOf(session: BackendSession): Capabilities {
  return {
    ...session.nodeCapabilities,
    history: session.history !== undefined,
    listeners: session.listeners !== undefined,
    catalog: session.catalog !== undefined,
    serviceRegistry: session.registry !== undefined,
    eventStreams: session.streams !== undefined,
    servers: session.servers !== undefined,
    diagnostics: session.diagnostics !== undefined,
    watchers: session.watchers !== undefined,
    owners: session.owners !== undefined,
    leaseInventory: session.leases !== undefined,
    aclEditing: session.acls !== undefined,
    principals: session.principals !== undefined,
  };
}
