import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-state';
import type { StoreDependencies } from './dependencies';
import { createBackupsSlice } from './backups-slice';
import { createForgetSlice } from './forget-slice';
import { createLeadsSlice } from './leads-slice';
import { createNavigationSlice } from './navigation-slice';
import { createLeadDetailSlice } from './lead-detail-slice';
import { createCaptureSlice } from './capture-slice';
import { createSessionSlice } from './session-slice';
import { createCrmSlices } from './crm-slices';
import { createExchangeSlice } from './exchange-slice';
import { createDuplicatesSlice } from './duplicates-slice';
import { createDashboardSlice } from './dashboard-slice';
import { createTeamSyncSlice } from './team-sync-slice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDependencies): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createSessionSlice(deps)(...args),
    ...createNavigationSlice(deps)(...args),
    ...createCaptureSlice(deps)(...args),
    ...createLeadsSlice(deps)(...args),
    ...createLeadDetailSlice(deps)(...args),
    ...createCrmSlices(deps)(...args),
    ...createForgetSlice(deps)(...args),
    ...createBackupsSlice(deps)(...args),
    ...createExchangeSlice(deps)(...args),
    ...createDuplicatesSlice(deps)(...args),
    ...createDashboardSlice(deps)(...args),
    ...createTeamSyncSlice(deps)(...args),
  }));
}

/** The store is provided by main.tsx (real API) or by a test (fake API). */
export const AppStoreContext = createContext<AppStore | null>(null);

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore is used outside <AppStoreContext.Provider>.');
  return store;
}

/** Select one value (or, with useShallow, a derived object) from the store. */
export function useAppStore<Selected>(selector: (state: AppState) => Selected): Selected {
  return useStore(useAppStoreApi(), selector);
}
