import type { z } from 'zod';
import { parseJson, type NacosCall, type NacosHttp } from './nacos.http.js';

/** The body of a successful answer validated by `schema`, or null when the server does not offer it. */
export async function offered<T>(http: NacosHttp, call: NacosCall, schema: z.ZodType<T>): Promise<T | null> {
  const response = await http.request(call);
  if (response.status < 200 || response.status > 299) return null;
  try {
    return parseJson(response.body, schema, call.what);
  } catch {
    return null; // e.g. r-nacos answers unknown console paths with an HTML page
  }
}
