import { z } from 'zod';

/**
 * The answers of the Nacos HTTP API this driver reads, as Nacos 1.x/2.x and r-nacos send them. Fields
 * a server may leave out are optional; ids arrive as numbers or strings depending on the server.
 */

const text = z.string().nullish();
const id = z.union([z.string(), z.number()]).transform(String);
const time = z.union([z.string(), z.number()]).nullish();

/** POST /v1/auth/login */
export const LoginSchema = z.object({
  accessToken: z.string().min(1),
  tokenTtl: z.coerce.number().positive(),
});

/** GET /v1/console/namespaces */
export const NamespacesSchema = z.object({
  data: z.array(
    z.object({
      namespace: z.string().nullish(),
      namespaceShowName: text,
      namespaceDesc: text,
      configCount: z.number().nullish(),
      type: z.number().nullish(),
    }),
  ),
});

/** One config of GET /v1/cs/configs?search=accurate (content and md5 included by both servers). */
export const ConfigItemSchema = z.object({
  dataId: z.string(),
  group: z.string(),
  tenant: text,
  content: text,
  md5: text,
  type: text,
  appName: text,
});
export type ConfigItem = z.infer<typeof ConfigItemSchema>;

export const ConfigPageSchema = z.object({
  totalCount: z.number(),
  pageItems: z.array(ConfigItemSchema).nullish(),
});

/** GET /v1/cs/configs?show=all (real Nacos): the config with its advanced info. */
export const ConfigDetailSchema = z.object({
  dataId: z.string(),
  group: z.string(),
  content: z.string(),
  md5: text,
  type: text,
  desc: text,
  appName: text,
  configTags: text,
  createTime: time,
  modifyTime: time,
  createUser: text,
});

/** GET /v1/cs/history?search=accurate (real Nacos). */
export const HistoryPageSchema = z.object({
  totalCount: z.number(),
  pageItems: z.array(
    z.object({
      id,
      md5: text,
      content: text,
      srcUser: text,
      srcIp: text,
      opType: text,
      createdTime: time,
      lastModifiedTime: time,
    }),
  ),
});

/** GET /v1/cs/history?nid= (real Nacos). */
export const HistoryDetailSchema = z.object({
  id,
  md5: text,
  content: z.string().nullish(),
  srcUser: text,
  srcIp: text,
  opType: text,
  createdTime: time,
  lastModifiedTime: time,
});

/** GET /rnacos/api/console/config/history (r-nacos with its console on the API port). */
export const RNacosHistorySchema = z.object({
  count: z.number(),
  list: z.array(
    z.object({
      id,
      content: text,
      modifiedTime: z.number().nullish(),
      opUser: text,
    }),
  ),
});

/** GET /v1/cs/configs/listener (real Nacos): client address → md5 it holds. */
export const ListenerStatusSchema = z.object({
  collectStatus: z.number(),
  lisentersGroupkeyStatus: z.record(z.string(), z.string()).nullish(),
});

/** GET /v1/ns/catalog/services?withInstances=false */
export const CatalogServicesSchema = z.object({
  count: z.number(),
  serviceList: z.array(
    z.object({
      name: z.string(),
      groupName: text,
      ipCount: z.number().nullish(),
      healthyInstanceCount: z.number().nullish(),
    }),
  ),
});

/** GET /v1/ns/service/list */
export const ServiceNamesSchema = z.object({
  count: z.number(),
  doms: z.array(z.string()).nullish(),
});

/** GET /v1/ns/instance/list */
export const InstanceListSchema = z.object({
  hosts: z.array(
    z.object({
      instanceId: text,
      ip: z.string(),
      port: z.number(),
      weight: z.number().nullish(),
      healthy: z.boolean().nullish(),
      enabled: z.boolean().nullish(),
      ephemeral: z.boolean().nullish(),
      clusterName: text,
      metadata: z.record(z.string(), z.unknown()).nullish(),
    }),
  ),
});

/** GET /v1/console/server/state (real Nacos 1.x/2.x). */
export const ServerStateSchema = z.looseObject({ version: z.string().nullish() });

/** GET /v1/ns/operator/switches: r-nacos answers with `name: "R-NACOS"`. */
export const SwitchesSchema = z.looseObject({ name: z.string().nullish() });
