import { useQuery } from '@tanstack/react-query';
import { useClient } from '../transport/ClientContext.js';
import { connectionsQuery } from './app.queries.js';

/** The saved connection profiles (never their secrets). */
export function useConnections() {
  return useQuery(connectionsQuery(useClient()));
}
