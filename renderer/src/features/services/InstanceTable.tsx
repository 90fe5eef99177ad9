import { Fragment } from 'react';
import type { ServiceInstance } from '../../../../shared/model/registry.js';
import { instanceHealth, sortInstances } from '../../lib/health.js';
import { CheckList } from '../registry/CheckList.js';
import { MetadataChips, TagChips } from '../registry/Chips.js';
import { HealthBadge } from '../registry/HealthBadge.js';

function yesNo(value: boolean | null): string {
  return value === null ? '—' : value ? 'yes' : 'no';
}

function address(instance: ServiceInstance): string {
  return instance.port === null ? instance.address : `${instance.address}:${instance.port}`;
}

/** The instances of one service, worst first, each with its checks and their output below it. */
export function InstanceTable({ instances }: { instances: readonly ServiceInstance[] }) {
  const showNode = instances.some((i) => i.node !== null);
  const showWeight = instances.some((i) => i.weight !== null);
  const showEnabled = instances.some((i) => i.enabled !== null);
  const showEphemeral = instances.some((i) => i.ephemeral !== null);
  const showTags = instances.some((i) => i.tags.length > 0);
  const columns =
    4 +
    Number(showNode) +
    Number(showWeight) +
    Number(showEnabled) +
    Number(showEphemeral) +
    Number(showTags);
  return (
    <table className="registry-table instance-table">
      <thead>
        <tr>
          <th>Health</th>
          <th>Instance</th>
          {showNode && <th>Node</th>}
          <th>Address</th>
          {showWeight && <th className="num">Weight</th>}
          {showEnabled && <th>Enabled</th>}
          {showEphemeral && <th>Ephemeral</th>}
          {showTags && <th>Tags</th>}
          <th>Metadata</th>
        </tr>
      </thead>
      <tbody>
        {sortInstances(instances).map((instance) => {
          const health = instanceHealth(instance);
          const hasChecks = instance.checks.length > 0;
          return (
            <Fragment key={instance.id}>
              <tr
                className={hasChecks ? 'has-sub' : undefined}
                data-testid="instance-row"
                data-id={instance.id}
                data-healthy={String(instance.healthy)}
                data-health={health}
              >
                <td>
                  <HealthBadge status={health} />
                </td>
                <td className="mono">{instance.id}</td>
                {showNode && <td className="mono">{instance.node ?? '—'}</td>}
                <td className="mono nowrap">{address(instance)}</td>
                {showWeight && <td className="num">{instance.weight ?? '—'}</td>}
                {showEnabled && (
                  <td className={instance.enabled === false ? 'warn-text' : undefined}>
                    {instance.enabled === false ? 'disabled' : yesNo(instance.enabled)}
                  </td>
                )}
                {showEphemeral && <td>{yesNo(instance.ephemeral)}</td>}
                {showTags && (
                  <td>
                    <TagChips tags={instance.tags} />
                  </td>
                )}
                <td>
                  <MetadataChips metadata={instance.metadata} />
                </td>
              </tr>
              {hasChecks && (
                <tr className="sub-row">
                  <td colSpan={columns}>
                    <CheckList checks={instance.checks} owner={{ instance: instance.id }} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
