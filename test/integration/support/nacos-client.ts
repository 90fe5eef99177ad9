import { expect } from 'vitest';

/** "Someone else": a plain HTTP client of a Nacos server's v1 open API, as an application would be. */
export interface NacosOtherClient {
  url(path: string, query?: Record<string, string>): string;
  publish(dataId: string, group: string, content: string): Promise<void>;
  remove(dataId: string, group: string): Promise<void>;
}

export function nacosOtherClient(endpoint: string): NacosOtherClient {
  const url = (path: string, query: Record<string, string> = {}): string =>
    `http://${endpoint}/nacos${path}?${new URLSearchParams(query).toString()}`;
  return {
    url,
    async publish(dataId, group, content) {
      const body = new URLSearchParams({ dataId, group, content });
      const response = await fetch(url('/v1/cs/configs'), { method: 'POST', body });
      expect(await response.text()).toBe('true');
    },
    async remove(dataId, group) {
      const response = await fetch(url('/v1/cs/configs', { dataId, group }), { method: 'DELETE' });
      expect(response.ok).toBe(true);
    },
  };
}
