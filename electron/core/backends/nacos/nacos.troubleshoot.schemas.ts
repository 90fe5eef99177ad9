import { z } from 'zod';

/**
 * The answers of the troubleshooting endpoints (who listens, who subscribes, which members), as Nacos
 * 1.x/2.x and r-nacos send them; each is detected at connect and used only where the server answers.
 */

const text = z.string().nullish();

/** GET /v1/cs/listener?ip= (real Nacos): the configs a client IP listens to, `dataId+group[+tenant]` → md5. */
export const ListenersByIpSchema = z.object({
  collectStatus: z.number(),
  lisentersGroupkeyStatus: z.record(z.string(), z.string()).nullish(),
});

/** GET /v1/ns/service/subscribers: Nacos sends addrStr, agent and app; r-nacos ip and port. */
export const SubscribersSchema = z.object({
  count: z.number(),
  subscribers: z
    .array(
      z.looseObject({
        ip: text,
        port: z.number().nullish(),
        addrStr: text,
        agent: text,
        app: text,
        serviceName: text,
        groupName: text,
        namespaceId: text,
      }),
    )
    .nullish(),
});

/** GET /v1/core/cluster/nodes (real Nacos 1.4+/2.x): every member with its state as this member sees it. */
export const ClusterNodesSchema = z.object({
  data: z.array(
    z.looseObject({
      ip: z.string(),
      port: z.number(),
      address: text,
      state: text,
      extendInfo: z
        .looseObject({
          version: text,
          lastRefreshTime: z.number().nullish(),
          raftPort: z.union([z.string(), z.number()]).nullish(),
        })
        .nullish(),
    }),
  ),
});

/** GET /v1/raft/metrics (r-nacos): this member's raft state and the cluster's membership (node ids). */
export const RaftMetricsSchema = z.object({
  id: z.number(),
  state: z.string(),
  current_term: z.number(),
  last_log_index: z.number(),
  last_applied: z.number(),
  current_leader: z.number().nullish(),
  membership_config: z.looseObject({ members: z.array(z.number()) }),
});
export type RaftMetrics = z.infer<typeof RaftMetricsSchema>;
