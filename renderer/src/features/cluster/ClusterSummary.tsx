import type { ClusterOverview } from '../../../../shared/model/registry.js';

/** Raft peers, as `host:port`, matched to the leader address. */
function isLeader(peer: string, leader: string | null): boolean {
  return leader !== null && peer === leader;
}

/** The datacenter's leader, raft peers and server version. */
export function ClusterSummary({ overview }: { overview: ClusterOverview }) {
  return (
    <div className="cluster-summary">
      <div className="cluster-card">
        <div className="caps-title">Datacenter</div>
        <div className="cluster-card-value mono" data-testid="cluster-dc">
          {overview.datacenter ?? '—'}
        </div>
        <div className="faint">{overview.datacenters.length} known</div>
      </div>
      <div className="cluster-card">
        <div className="caps-title">Leader</div>
        <div
          className={`cluster-card-value mono${overview.leader ? '' : ' danger-text'}`}
          data-testid="cluster-leader"
        >
          {overview.leader ?? 'no leader'}
        </div>
      </div>
      <div className="cluster-card">
        <div className="caps-title">Version</div>
        <div className="cluster-card-value mono" data-testid="cluster-version">
          {overview.version ?? '—'}
        </div>
      </div>
      <div className="cluster-card cluster-card-wide">
        <div className="caps-title">Raft peers ({overview.peers.length})</div>
        <ul className="cluster-peers">
          {overview.peers.map((peer) => (
            <li
              key={peer}
              className="mono"
              data-testid="cluster-peer"
              data-peer={peer}
              data-leader={isLeader(peer, overview.leader)}
            >
              {peer}
              {isLeader(peer, overview.leader) && <span className="badge leader-badge">leader</span>}
            </li>
          ))}
          {overview.peers.length === 0 && <li className="faint">none reported</li>}
        </ul>
      </div>
    </div>
  );
}
