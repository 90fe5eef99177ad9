import { useTranslation } from 'react-i18next';
import type { ClusterOverview } from '../../../../shared/model/registry.js';

/** Raft peers, as `host:port`, matched to the leader address. */
function isLeader(peer: string, leader: string | null): boolean {
  return leader !== null && peer === leader;
}

/** The datacenter's leader, raft peers and server version. */
export function ClusterSummary({ overview }: { overview: ClusterOverview }) {
  const { t } = useTranslation('cluster');

  return (
    <div className="cluster-summary">
      <div className="cluster-card">
        <div className="caps-title">{t('clusterSummary.datacenter')}</div>
        <div className="cluster-card-value mono" data-testid="cluster-dc">
          {overview.datacenter ?? '—'}
        </div>
        <div className="faint">{t('clusterSummary.known', { length: overview.datacenters.length })}</div>
      </div>
      <div className="cluster-card">
        <div className="caps-title">{t('clusterSummary.leader')}</div>
        <div
          className={`cluster-card-value mono${overview.leader ? '' : ' danger-text'}`}
          data-testid="cluster-leader"
        >
          {overview.leader ?? t('clusterSummary.noLeader')}
        </div>
      </div>
      <div className="cluster-card">
        <div className="caps-title">{t('clusterSummary.version')}</div>
        <div className="cluster-card-value mono" data-testid="cluster-version">
          {overview.version ?? '—'}
        </div>
      </div>
      <div className="cluster-card cluster-card-wide">
        <div className="caps-title">{t('clusterSummary.raftPeers', { length: overview.peers.length })}</div>
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
              {isLeader(peer, overview.leader) && (
                <span className="badge leader-badge">{t('clusterSummary.leader2')}</span>
              )}
            </li>
          ))}
          {overview.peers.length === 0 && <li className="faint">{t('clusterSummary.noneReported')}</li>}
        </ul>
      </div>
    </div>
  );
}
