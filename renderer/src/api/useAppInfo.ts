import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { appInfoQuery } from './app.queries.js';

/** Version, transport and whether secrets can be stored (app.info). */
export function useAppInfo() {
  return useQuery(appInfoQuery(useClient()));
}
