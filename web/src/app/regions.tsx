import { createContext, type ReactNode, useContext } from 'react';
import { api } from '../api/client.ts';
import { type Region, RegionList } from '../api/schemas.ts';
import { readStored, writeStored } from './storage.ts';
import { type QueryState, useApiQuery } from './useApiQuery.ts';

const STORAGE_KEY = 'cb.region';

const RegionsContext = createContext<QueryState<Region[]> | null>(null);

/** The regions the signed-in user may see (the server filters by scope). */
export function RegionsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const query = useApiQuery(`regions:${userId}`, (signal) => api('/api/regions', RegionList, { signal }).then((r) => r.items));
  return <RegionsContext.Provider value={query}>{children}</RegionsContext.Provider>;
}

export function useRegions(): QueryState<Region[]> {
  const value = useContext(RegionsContext);
  if (!value) throw new Error('useRegions must be used inside <RegionsProvider>');
  return value;
}

export function rememberedRegion(): string | null {
  return readStored(STORAGE_KEY);
}

export function rememberRegion(code: string): void {
  writeStored(STORAGE_KEY, code);
}
