import type { DashboardStats } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import type { LeadsScope } from './leads-slice';
import { latestRequest } from './latest-request';

export interface DashboardSlice {
  dashboardStats: DashboardStats | null;
  dashboardScope: LeadsScope;
  dashboardLoading: boolean;
  dashboardError: string | null;
  loadDashboard(): Promise<void>;
  setDashboardScope(scope: LeadsScope): void;
}

export const createDashboardSlice: SliceCreator<DashboardSlice> = ({ api }) => {
  const requests = latestRequest();
  return (set, get) => ({
    dashboardStats: null,
    dashboardScope: 'show',
    dashboardLoading: false,
    dashboardError: null,

    async loadDashboard() {
      const eventId = get().dashboardScope === 'show' ? get().settings.currentEventId : null;
      set({ dashboardLoading: true, dashboardError: null });
      await requests.run(
        // getTimezoneOffset is minutes *behind* UTC; the service wants minutes ahead.
        () => api['dashboard.stats']({ ...(eventId && { eventId }), utcOffsetMinutes: -new Date().getTimezoneOffset() }),
        (stats) => set({ dashboardStats: stats, dashboardLoading: false }),
        (error) => set({ dashboardLoading: false, dashboardError: error.message }),
      );
    },

    setDashboardScope(scope) {
      set({ dashboardScope: scope });
      void get().loadDashboard();
    },
  });
};
